using Microsoft.AspNetCore.Mvc;

namespace ChatPost.Bot.ApiDocs;

/// <summary>
/// How an <c>/api</c> endpoint describes itself, next to its mapping: what it answers and what each answer means,
/// and real examples. The generic part (bearer keys' 401, 404 and 429, ProblemDetails) is added by
/// <see cref="ApiOperationTransformer"/> from the endpoint's own conventions.
/// </summary>
public static class ApiEndpointExtensions
{
    /// <summary>Documents a JSON answer of type <typeparamref name="T"/> with <paramref name="status"/> and what it means.</summary>
    public static RouteHandlerBuilder Returns<T>(this RouteHandlerBuilder builder, int status, string meaning)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(T), ["application/json"]) { Description = meaning });
    }

    /// <summary>Documents an error answered with ProblemDetails (<c>application/problem+json</c>) and what it means here.</summary>
    public static RouteHandlerBuilder ReturnsProblem(this RouteHandlerBuilder builder, int status, string meaning)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]) { Description = meaning });
    }

    /// <summary>Adds real examples: requests and the status each gets (see <see cref="ApiExample"/>).</summary>
    public static RouteHandlerBuilder WithExamples(this RouteHandlerBuilder builder, params ApiExample[] examples)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var example in examples)
        {
            builder.WithMetadata(example);
        }

        return builder;
    }
}
