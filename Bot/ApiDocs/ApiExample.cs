namespace ChatPost.Bot.ApiDocs;

/// <summary>
/// A real request to one endpoint and the status it gets, shown in the API description: the request's body and
/// parameters become the request's example named <see cref="Name"/>, and the response of <see cref="Status"/> carries
/// an example of the same name (<see cref="Response"/>, or just the summary). The tests send every example to the running
/// service and expect that status.
/// </summary>
/// <param name="Name">The example's key, unique on its endpoint (camelCase).</param>
/// <param name="Status">The status the service answers to this request.</param>
/// <param name="Summary">What the example shows, in English and Chinese.</param>
/// <param name="Body">The request's JSON body; null without one.</param>
/// <param name="Parameters">Path and query parameters by name; null without any.</param>
/// <param name="Response">The answer's JSON body as the service writes it, where it is always the same; null otherwise.</param>
public sealed record ApiExample(string Name, int Status, string Summary, string? Body = null,
    IReadOnlyDictionary<string, string>? Parameters = null, string? Response = null);
