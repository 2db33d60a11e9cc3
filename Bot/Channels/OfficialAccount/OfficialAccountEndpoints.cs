using ChatPost.Bot.WeChat;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Channels.OfficialAccount;

/// <summary>
/// <c>GET /wechat/mp</c> (URL verification) and <c>POST /wechat/mp</c> (message push) in plaintext, compatible
/// and safe modes. Nothing is parsed before the signature checks out; the answer uses the mode of the request.
/// </summary>
public static class OfficialAccountEndpoints
{
    private const string Channel = OfficialAccountChannel.Id;

    /// <summary>Maps the Official Account's callback URL.</summary>
    public static IEndpointRouteBuilder MapOfficialAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/wechat/mp", VerifyUrl);
        endpoints.MapPost("/wechat/mp", ReceiveAsync);
        return endpoints;
    }

    private static IResult VerifyUrl(HttpContext http, IOptions<WeChatOptions> options, TimeProvider time, ILogger<OfficialAccountChannel> logger)
    {
        var settings = options.Value;
        if (!settings.OfficialAccount.IsConfigured)
        {
            return TypedResults.Problem(detail: "The Official Account is not configured", statusCode: StatusCodes.Status404NotFound);
        }

        var query = http.Request.Query;
        var (signature, timestamp, nonce, echo) = ((string?)query["signature"], (string?)query["timestamp"] ?? "", (string?)query["nonce"] ?? "", (string?)query["echostr"]);
        if (!CallbackRequest.IsFresh(timestamp, settings.MaxTimestampSkewSeconds, time))
        {
            return CallbackRequest.Reject(http, logger, Channel, StatusCodes.Status401Unauthorized, "stale or missing timestamp");
        }

        if (!WeChatSignature.Verify(signature, settings.OfficialAccount.Token, timestamp, nonce))
        {
            return CallbackRequest.Reject(http, logger, Channel, StatusCodes.Status401Unauthorized, "bad signature");
        }

        return echo is null
            ? CallbackRequest.Reject(http, logger, Channel, StatusCodes.Status400BadRequest, "missing echostr")
            : TypedResults.Text(echo, "text/plain");
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, OfficialAccountCallback callback, IBot bot)
    {
        return await callback.ReceiveAsync(http, bot, http.RequestAborted);
    }
}
