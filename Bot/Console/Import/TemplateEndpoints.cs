using ChatPost.Bot.Ingestion.Spreadsheets;

namespace ChatPost.Bot.Console.Import;

/// <summary>The import's downloadable templates.</summary>
public static class TemplateEndpoints
{
    /// <summary>
    /// <c>GET /console/import/templates/{kind}.{format}</c> (<c>shipments</c> or <c>invoice-applications</c>, <c>csv</c> or
    /// <c>xlsx</c>): the template as a download; 404 for anything else. For operators, like the page.
    /// </summary>
    public static IEndpointRouteBuilder MapTemplateEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/console/import/templates/{kind}.{format}", Download).RequireAuthorization(ConsolePolicies.Operator);
        return endpoints;
    }

    private static IResult Download(string kind, string format)
    {
        if (ImportTexts.FromWire(kind) is not { } records || format is not ("csv" or "xlsx"))
        {
            return TypedResults.NotFound();
        }

        var xlsx = format == "xlsx";
        return TypedResults.File(SpreadsheetTemplate.Write(records, xlsx),
            xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
            SpreadsheetTemplate.FileName(records, xlsx));
    }
}
