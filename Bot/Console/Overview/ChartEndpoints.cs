using ChatPost.Bot.Announcements;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Console.Overview;

/// <summary>The overview's charts, drawn on the server by the announcement's own ScottPlot renderer.</summary>
public static class ChartEndpoints
{
    /// <summary>
    /// <c>GET /console/charts/trend.svg?days=30&amp;business=license</c>: accepted and delivered per day over the last
    /// <c>days</c> (7 to 183), for one business line or, without <c>business</c>, all of them; 400 for an unknown line.
    /// <c>width</c> and <c>height</c> (pixels, 320 to 1600 and 200 to 900) size it, for a phone's narrower chart.
    /// </summary>
    public static IEndpointRouteBuilder MapChartEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/console/charts/trend.svg", DrawTrendAsync).RequireAuthorization(ConsolePolicies.SignedIn);
        return endpoints;
    }

    private static async Task<IResult> DrawTrendAsync(HttpContext http, DailyProgressFiguresReader figures, ProgressChartRenderer renderer,
        TimeProvider time, int? days, string? business, int? width, int? height)
    {
        Business? line = null;
        if (business is not null)
        {
            if (!PostalNames.TryParse(business, out Business parsed))
            {
                return TypedResults.Problem(detail: "business must be one of the wire names (license, invoice, textbook, study-material, other).",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            line = parsed;
        }

        var today = ChinaTime.Day(time.GetUtcNow());
        var length = Math.Clamp(days ?? 30, 7, DailyProgressFiguresReader.LongestTrend);
        var trend = await figures.ReadTrendAsync(today.AddDays(-(length - 1)), today, http.RequestAborted);
        http.Response.Headers.CacheControl = "private, max-age=60";
        return TypedResults.Text(renderer.RenderTrendSvg(trend, line, Math.Clamp(width ?? ProgressChartRenderer.Width, 320, 1600), Math.Clamp(height ?? 320, 200, 900)), "image/svg+xml; charset=utf-8");
    }
}
