using System.Globalization;
using ChatPost.Bot.Channels;
using ChatPost.Bot.Channels.OfficialAccount;
using ChatPost.Bot.Dialogs;
using ChatPost.Bot.WeChat;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Demo;

/// <summary>
/// <c>GET /dev/ask?q=…</c>, in Development only: asks the citizens' bot a question through the same pipeline as
/// <c>/wechat/mp</c> (dedupe, deadline, adapter, state) without signing a WeChat push by hand; answers the reply's text.
/// With <c>&amp;group=…</c> (a demo group's city or id), a member of that WeCom group asks the 智能机器人 instead.
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
        IOptions<WeChatOptions> options, TimeProvider time, DemoGroupAsk groups, [FromKeyedServices(DialogsExtensions.StaffBotKey)] IBot staff,
        CancellationToken cancellationToken, string user = "oDemoUser", string? group = null)
    {
        if (group is not null)
        {
            var inGroup = await groups.AskAsync(q, group, user == "oDemoUser" ? "demo-clerk" : user, staff, cancellationToken);
            return inGroup is null
                ? TypedResults.Text($"没有这个演示群：{group}（试试 group=襄阳 或 group=province）\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound)
                : TypedResults.Text(inGroup + "\n", "text/plain; charset=utf-8");
        }

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
