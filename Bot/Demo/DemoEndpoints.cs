using System.Globalization;
using ChatPost.Bot.Channels;
using ChatPost.Bot.Channels.OfficialAccount;
using ChatPost.Bot.WeChat;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Demo;

/// <summary>
/// <c>GET /dev/ask?q=…</c>, in Development only: asks the citizens' bot a question through the same pipeline as
/// <c>/wechat/mp</c> (dedupe, deadline, adapter, state) without signing a WeChat push by hand; answers the reply's text.
/// </summary>
public static class DemoEndpoints
{
    public static IEndpointRouteBuilder MapDemoEndpoints(this IEndpointRouteBuilder endpoints, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsDevelopment())
        {
            endpoints.MapGet("/dev/ask", AskAsync);
        }

        return endpoints;
    }

    private static async Task<IResult> AskAsync(string q, WeChatCallbackHandler handler, OfficialAccountChannel channel, IBot bot,
        IOptions<WeChatOptions> options, TimeProvider time, CancellationToken cancellationToken, string user = "oDemoUser")
    {
        var message = new InboundMessage
        {
            ToUserName = "gh_chatpostdemo",
            FromUserName = user,
            CreateTime = time.GetUtcNow().ToUnixTimeSeconds(),
            MsgType = "text",
            Content = q,
            MsgId = Random.Shared.NextInt64(),
        };
        var answer = await handler.HandleAsync(channel, message, bot, options.Value.ReplyDeadline, cancellationToken);
        if (!WeChatXml.TryReadFields(answer, out var reply))
        {
            return TypedResults.Text(answer + "\n");
        }

        var text = reply.GetValueOrDefault("MsgType") == "transfer_customer_service"
            ? "[转接人工客服]"
            : reply.GetValueOrDefault("Content", string.Create(CultureInfo.InvariantCulture, $"[{reply.GetValueOrDefault("MsgType")}]"));
        return TypedResults.Text(text + "\n", "text/plain; charset=utf-8");
    }
}
