namespace ChatPost.Bot.Storage;

/// <summary>
/// For admin endpoints whose every write is one script (nothing is half done): while Redis is unavailable — down, or a
/// replica not yet promoted answering <c>READONLY</c> mid-failover — the request is answered 503 with <c>Retry-After</c>
/// and a log line, instead of the 500 an outage left unhandled would be.
/// </summary>
public static class StorageOutageFilter
{
    /// <summary>Answers <paramref name="detail"/> with 503 on an outage of Redis in any endpoint of <paramref name="builder"/>.</summary>
    public static TBuilder AnswerStorageOutages<TBuilder>(this TBuilder builder, string detail) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
            {
                var http = context.HttpContext;
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageOutageFilter))
                    .AnsweredUnavailable(http.Request.Method, http.Request.Path, exception);
                http.Response.Headers.RetryAfter = "5";
                return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
}
