using Microsoft.AspNetCore.Mvc;
using Microsoft.Bot.Builder;

namespace ChatPost.Bot.Channels.WeCom;

/// <summary><c>GET /wechat/work</c> (URL verification) and <c>POST /wechat/work</c> (message push) of the WeCom app.</summary>
public static class WeComEndpoints
{
    /// <summary>Maps the WeCom app's callback URL.</summary>
    public static IEndpointRouteBuilder MapWeComEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/wechat/work", (HttpContext http, WeComCallback callback) => callback.VerifyUrl(http));
        endpoints.MapPost("/wechat/work", ReceiveAsync);
        return endpoints;
    }

    private static Task<IResult> ReceiveAsync(HttpContext http, WeComCallback callback, [FromKeyedServices(Dialogs.DialogsExtensions.StaffBotKey)] IBot bot) =>
        callback.ReceiveAsync(http, bot, http.RequestAborted);
}
