using Microsoft.AspNetCore.Antiforgery;

namespace ChatPost.Bot.Console;

/// <summary>The antiforgery check of the console's own form endpoints (the pages' forms are checked by Razor components).</summary>
public static class ConsoleAntiforgery
{
    /// <summary>
    /// Refuses a post without a valid antiforgery token with 400 and a log line, before the handler runs. The
    /// framework's automatic check is turned off for the endpoint so that every refusal goes through here alike.
    /// </summary>
    public static RouteHandlerBuilder RequireConsoleAntiforgery(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.DisableAntiforgery().AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!await IsValidAsync(http))
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleAntiforgery).FullName!)
                    .AntiforgeryRejected(http.Request.Path, http.Connection.RemoteIpAddress?.ToString());
                return TypedResults.Problem(detail: "这个表单已过期或不是从本站提交的，请刷新页面后重试。", statusCode: StatusCodes.Status400BadRequest);
            }

            return await next(context);
        });
    }

    private static async Task<bool> IsValidAsync(HttpContext http)
    {
        try
        {
            return await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
        }
        catch (Exception exception) when (exception is AntiforgeryValidationException or InvalidDataException or BadHttpRequestException)
        {
            return false; // a form that does not even parse carries no valid token either
        }
    }
}
