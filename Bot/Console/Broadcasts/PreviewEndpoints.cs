using ChatPost.Bot.Console.Components.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatPost.Bot.Console.Broadcasts;

/// <summary>The compose page's live preview (console.js): the message as WeCom will show it, as it is typed.</summary>
public static class PreviewEndpoints
{
    /// <summary>
    /// <c>POST /console/broadcasts/preview</c> (form fields <c>format</c>, <c>content</c>): the preview's HTML. It changes
    /// nothing, so it needs no antiforgery token; it is for managers only, like the page.
    /// </summary>
    public static IEndpointRouteBuilder MapPreviewEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/console/broadcasts/preview", Preview).DisableAntiforgery().RequireAuthorization(ConsolePolicies.Manager);
        return endpoints;
    }

    private static RazorComponentResult<WeComBubble> Preview(HttpRequest request)
    {
        var form = request.HasFormContentType ? request.Form : null;
        var content = form?["content"].ToString() ?? "";
        return new RazorComponentResult<WeComBubble>(new
        {
            IsMarkdown = form?["format"].ToString() == "markdown",
            Content = content.Length > 20_000 ? content[..20_000] : content,
        });
    }
}
