using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatPost.Bot.WeChat;
using Polly.Timeout;

namespace ChatPost.Bot.Channels.WeCom.GroupRobot;

public sealed partial class GroupRobotClient
{
    /// <summary>One POST, and what its answer means for a retry. Never throws but for cancellation.</summary>
    private async Task<Answer> PostAsync(Uri url, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        try
        {
            using var response = await http.PostAsync(url, content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return Answer.FromStatus((int)response.StatusCode);
            }

            var reply = await response.Content.ReadFromJsonAsync(GroupRobotJsonContext.Wire.RobotResponse, cancellationToken);
            return reply?.ErrorCode is { } errorCode ? Answer.FromErrorCode(errorCode, reply.ErrorMessage) : Answer.Unreadable;
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError is HttpRequestError.ConnectionError
                                                         or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
                                                         or HttpRequestError.ProxyTunnelError)
        {
            return new Answer(null, "could not connect", null, IsTransient: true, IsUnknown: false);
        }
        catch (HttpRequestException)
        {
            return new Answer(null, "connection lost", null, IsTransient: true, IsUnknown: true);
        }
        catch (Exception exception) when (exception is TimeoutRejectedException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new Answer(null, "timed out", null, IsTransient: true, IsUnknown: true);
        }
        catch (JsonException)
        {
            return Answer.Unreadable;
        }
    }

    /// <param name="ErrorCode">WeCom's errcode, or null when it gave none.</param>
    /// <param name="Failure">A short description fit for logs: no key, no content, no errmsg.</param>
    /// <param name="ErrorMessage">WeCom's errmsg, for the result only.</param>
    /// <param name="IsTransient">True when the same request may succeed later.</param>
    /// <param name="IsUnknown">True when WeCom may have received the part although this attempt did not hear so.</param>
    private readonly record struct Answer(int? ErrorCode, string Failure, string? ErrorMessage, bool IsTransient, bool IsUnknown)
    {
        private const int MaxErrorMessageLength = 200;

        public static Answer Unreadable => new(null, "unreadable answer", null, IsTransient: true, IsUnknown: true);

        public bool IsAccepted => ErrorCode == WeChatErrorCodes.Ok;

        public string Error => ErrorMessage is { Length: > 0 } message
            ? $"{Failure}: {(message.Length > MaxErrorMessageLength ? message[..MaxErrorMessageLength] : message)}"
            : Failure;

        public static Answer FromStatus(int status) =>
            // 504: WeCom's gateway gave up waiting, but the message may have been posted behind it.
            new(null, $"HTTP {status}", null, IsTransient: status >= 500 || status is 408 or 429, IsUnknown: status == 504);

        public static Answer FromErrorCode(int errorCode, string? errorMessage) =>
            // 45009 (too frequent) and -1 (system busy) pass; 93000 (bad key) and the rest do not.
            new(errorCode, $"errcode {errorCode}", errorMessage, IsTransient: errorCode is WeChatErrorCodes.ApiFrequencyLimit or WeChatErrorCodes.SystemBusy,
                IsUnknown: false);
    }
}
