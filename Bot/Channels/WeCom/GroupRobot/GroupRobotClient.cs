using System.Text.Json;
using ChatPost.Bot.Hosting;
using ChatPost.Bot.Storage;
using ChatPost.Bot.WeChat;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Channels.WeCom.GroupRobot;

/// <summary>
/// <see cref="IGroupRobotClient"/> over a typed <see cref="HttpClient"/> whose resilience handler only times
/// requests out: this client retries itself, because a blind retry of a POST can post a message twice.
/// </summary>
public sealed partial class GroupRobotClient(HttpClient http, IRobotRateLimiter limiter, IOptions<GroupRobotOptions> options,
    TimeProvider time, ChatPostMetrics metrics, ILogger<GroupRobotClient> logger) : IGroupRobotClient
{
    /// <inheritdoc/>
    public async Task<RobotSendResult> SendAsync(string webhookKey, RobotMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(webhookKey);
        ArgumentNullException.ThrowIfNull(message);
        var hash = WebhookKeyHash.Compute(webhookKey);
        var robot = new Robot(hash, WebhookKeyHash.Mask(hash), new Uri(options.Value.WebhookBaseUrl.AbsoluteUri + "?key=" + Uri.EscapeDataString(webhookKey)));
        if (Refusal(webhookKey, message) is { } reason)
        {
            logger.MessageRefused(message.Kind, robot.Masked, reason);
            return RobotSendResult.Refused(reason);
        }

        var parts = RobotMessageSplitter.Split(message);
        logger.Sending(message.Kind, robot.Masked, parts.Count);
        var ambiguous = false;
        for (var index = 0; index < parts.Count; index++)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(RobotRequest.From(parts[index]), GroupRobotJsonContext.Wire.RobotRequest);
            var (answer, unknown) = await SendPartAsync(robot, new Part(index + 1, parts.Count, body), cancellationToken);
            ambiguous |= unknown;
            if (!answer.IsAccepted)
            {
                return new RobotSendResult(false, index, parts.Count, answer.ErrorCode, answer.Error, !answer.IsTransient, ambiguous);
            }
        }

        return RobotSendResult.Delivered(parts.Count, ambiguous);
    }

    /// <summary>Sends one part until WeCom accepts it, refuses it for good, or retries run out.</summary>
    /// <returns>The last answer, and whether any attempt ended without knowing if WeCom got the part.</returns>
    private async Task<(Answer Answer, bool Unknown)> SendPartAsync(Robot robot, Part part, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var unknown = false;
        for (var attempt = 1; ; attempt++)
        {
            await WaitForSlotAsync(robot, settings.RobotMessagesPerMinute, cancellationToken);
            var answer = await PostAsync(robot.Url, part.Body, cancellationToken);
            metrics.WebhookSent(answer.IsAccepted, answer.ErrorCode);
            unknown |= answer.IsUnknown;
            if (answer.IsAccepted)
            {
                logger.PartSent(robot.Masked, part.Number, part.Count);
                return (answer, unknown);
            }

            if (answer.ErrorCode == WeChatErrorCodes.ApiFrequencyLimit)
            {
                // Our count had room, so someone else sends through this robot: every replica holds off for a minute.
                logger.Throttled(robot.Masked);
                await limiter.MarkSaturatedAsync(robot.Hash, settings.RobotMessagesPerMinute, cancellationToken);
            }

            if (!answer.IsTransient)
            {
                logger.PartRefused(robot.Masked, part.Number, part.Count, answer.Failure);
                return (answer, unknown);
            }

            if (attempt > settings.RobotMaxRetryAttempts)
            {
                logger.GaveUp(robot.Masked, part.Number, part.Count, attempt, answer.Failure);
                return (answer, unknown);
            }

            var delay = settings.RobotRetryBaseDelay * Math.Pow(2, attempt - 1);
            logger.AttemptFailed(robot.Masked, part.Number, part.Count, attempt, answer.Failure, delay);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private async Task WaitForSlotAsync(Robot robot, int messagesPerMinute, CancellationToken cancellationToken)
    {
        while (true)
        {
            var decision = await limiter.TryAcquireAsync(robot.Hash, messagesPerMinute, cancellationToken);
            if (decision.IsAdmitted)
            {
                return;
            }

            logger.WaitingForSlot(robot.Masked, decision.RetryAfter);
            await Task.Delay(decision.RetryAfter, time, cancellationToken);
        }
    }

    /// <summary>Why the message must not be sent at all, or null when it may.</summary>
    private static string? Refusal(string webhookKey, RobotMessage message)
    {
        if (webhookKey.Contains("://", StringComparison.Ordinal) || webhookKey.Contains("key=", StringComparison.OrdinalIgnoreCase))
        {
            // The commonest cause of 93000: the whole webhook URL configured where only its key belongs.
            return "the webhook key looks like a whole URL; configure only the value after key=";
        }

        return message switch
        {
            RobotMessage.Text { Content: var content } when string.IsNullOrWhiteSpace(content) => "the text is empty",
            RobotMessage.Markdown { Content: var content } when string.IsNullOrWhiteSpace(content) => "the markdown is empty",
            RobotMessage.Image { Bytes.Length: > RobotMessage.Image.MaxBytes } image =>
                $"the image has {image.Bytes.Length} bytes; WeCom takes at most {RobotMessage.Image.MaxBytes} (2 MB)",
            RobotMessage.Image image when !IsPngOrJpeg(image.Bytes.Span) => "the image is neither PNG nor JPG",
            _ => null,
        };
    }

    private static bool IsPngOrJpeg(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);

    /// <summary>The robot as this client sees it. Its URL carries the secret key: <see cref="ToString"/> leaves it out.</summary>
    private readonly record struct Robot(string Hash, string Masked, Uri Url)
    {
        public override string ToString() => Masked;
    }

    private readonly record struct Part(int Number, int Count, byte[] Body);
}
