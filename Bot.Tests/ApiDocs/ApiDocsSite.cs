using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatPost.Bot.Tests.Support;

namespace ChatPost.Bot.Tests.ApiDocs;

/// <summary>
/// The service with both API keys and staff groups in the cities the examples name, and its API description as JSON;
/// builds the request an example describes.
/// </summary>
public sealed class ApiDocsSite : IAsyncDisposable
{
    public const string IngestKey = "ingest-key-for-api-docs-0123";

    private readonly FakeWebhook _webhook;

    private ApiDocsSite(FakeWebhook webhook, ChatPostFactory factory, HttpClient client, JsonObject document)
    {
        _webhook = webhook;
        Factory = factory;
        Client = client;
        Document = document;
    }

    public ChatPostFactory Factory { get; }

    public HttpClient Client { get; }

    /// <summary>What <c>GET /openapi/v1.json</c> answered.</summary>
    public JsonObject Document { get; }

    public static async Task<ApiDocsSite> StartAsync()
    {
        var webhook = await FakeWebhook.StartAsync();
        var settings = StaffSetup.Settings(webhook, null, ["襄阳", "恩施", "武汉", null]);
        settings["Ingest:ApiKey"] = IngestKey;
        settings["Announcements:DailyProgress:Charts"] = "false";
        var factory = new ChatPostFactory(TestRedis.Prefix("apidocs"), settings: settings);
        var client = factory.CreateClient();
        var document = (JsonObject)JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        return new ApiDocsSite(webhook, factory, client, document);
    }

    /// <summary>Every operation of the document: its method, path and object.</summary>
    public IEnumerable<(string Method, string Path, JsonObject Operation)> Operations() =>
        from path in Document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select (operation.Key.ToUpperInvariant(), path.Key, operation.Value!.AsObject());

    /// <summary>Every example of an operation by name, with the status of the answer that carries its name.</summary>
    public static IEnumerable<(string Name, int Status)> Examples(JsonObject operation) =>
        from response in operation["responses"]!.AsObject()
        from media in response.Value!["content"]?.AsObject() ?? []
        from example in media.Value!["examples"]?.AsObject() ?? []
        select (example.Key, int.Parse(response.Key, CultureInfo.InvariantCulture));

    /// <summary>The request example <paramref name="name"/> of an operation describes, with the key its security scheme names.</summary>
    public static HttpRequestMessage Request(string method, string path, JsonObject operation, string name, Func<JsonNode, JsonNode>? changeBody = null)
    {
        var query = new List<string>();
        var headers = new Dictionary<string, string>();
        foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
        {
            if (parameter!["examples"]?[name]?["value"] is not { } value)
            {
                continue;
            }

            var parameterName = (string)parameter["name"]!;
            switch ((string)parameter["in"]!)
            {
                case "path":
                    path = path.Replace("{" + parameterName + "}", Uri.EscapeDataString(value.ToString()), StringComparison.Ordinal);
                    break;
                case "query":
                    query.Add($"{parameterName}={Uri.EscapeDataString(value.ToString())}");
                    break;
                default:
                    headers[parameterName] = value.ToString();
                    break;
            }
        }

        var request = new HttpRequestMessage(new HttpMethod(method), query.Count == 0 ? path : path + "?" + string.Join('&', query));
        foreach (var (header, value) in headers)
        {
            request.Headers.Add(header, value);
        }

        if (operation["requestBody"]?["content"]?["application/json"]?["examples"]?[name]?["value"] is { } body)
        {
            var sent = changeBody is null ? body : changeBody(body.DeepClone());
            request.Content = new StringContent(sent.ToJsonString(), Encoding.UTF8, "application/json");
        }

        var scheme = operation["security"]?[0]?.AsObject().Single().Key;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", scheme switch
        {
            "ingestionKey" => IngestKey,
            "adminKey" => StaffSetup.AdminKey,
            _ => throw new InvalidOperationException($"unknown security scheme {scheme}"),
        });
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await _webhook.DisposeAsync();
    }
}
