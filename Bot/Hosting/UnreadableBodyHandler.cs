using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace ChatPost.Bot.Hosting;

/// <summary>
/// A request an endpoint could not bind (a field its contract does not have, a value of the wrong type, broken JSON,
/// another content type) is the caller's mistake: a ProblemDetails with the status the binder chose and the JSON path it
/// stopped at, so that an integrator sees which field to fix, and a warning in the log rather than an error.
/// </summary>
internal sealed class UnreadableBodyHandler(IProblemDetailsService problemDetails, ILogger<UnreadableBodyHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        // The path names the field; the serializer's message would name our .NET types, which are none of the caller's business.
        var detail = badRequest.InnerException is JsonException { Path: { Length: > 0 } path }
            ? $"The body does not match this endpoint's schema at {path} (see /openapi/v1.json)."
            : "The request could not be read: check its content type and that its body is the JSON this endpoint takes.";
        logger.UnreadableBody(httpContext.Request.Path, badRequest.StatusCode, detail);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = badRequest.StatusCode, Title = "The request could not be read", Detail = detail },
        });
    }
}
