using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatPost.Bot.Tests.ApiDocs;

/// <summary>
/// <c>GET /openapi/v1.json</c> against the running service: it describes exactly the <c>/api</c> routes that are mapped,
/// each in English and Chinese with every answer's meaning, and its examples and schemas say what the service does.
/// </summary>
public partial class ApiDocumentTests : IAsyncLifetime
{
    private ApiDocsSite _site = null!;

    public async Task InitializeAsync() => _site = await ApiDocsSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public void Document_ListsEveryMappedApiRouteAndNothingElse()
    {
        var mapped = MappedApiRoutes(_site.Factory.Services);
        var documented = _site.Operations().Select(operation => $"{operation.Method} {operation.Path}").ToHashSet();

        Assert.Equal(mapped.Order(), documented.Order());
        Assert.Contains("POST /api/ingest/shipments", documented);
        Assert.Equal("3.1.1", (string?)_site.Document["openapi"]);
    }

    [Fact]
    public void Document_DescribesEveryOperationAnswerAndSchemaInEnglishAndChinese()
    {
        var problems = Undescribed(_site.Document);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task Document_AnApiRouteMappedWithoutItsDescription_IsCaught()
    {
        // What an engineer adding an endpoint without describing it would cause: the checks above must see it.
        await using var careless = _site.Factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new MapsAnUndescribedRoute())));
        using var client = careless.CreateClient();
        var document = (JsonObject)JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;

        Assert.Contains("GET /api/undescribed", MappedApiRoutes(careless.Services));
        Assert.Contains(Undescribed(document), problem => problem.StartsWith("GET /api/undescribed", StringComparison.Ordinal));
    }

    [Fact]
    public void Document_DeclaresBothBearerKeysAndEveryOperationNeedsOne()
    {
        var schemes = _site.Document["components"]!["securitySchemes"]!.AsObject();

        Assert.Equal(["adminKey", "ingestionKey"], schemes.Select(scheme => scheme.Key).Order());
        Assert.All(schemes, scheme => Assert.Equal(("http", "bearer"), ((string?)scheme.Value!["type"], (string?)scheme.Value["scheme"])));
        Assert.All(_site.Operations(), operation => Assert.Single(operation.Operation["security"]!.AsArray()));
    }

    [Fact]
    public async Task Examples_SentToTheRunningService_GetTheDocumentedStatus()
    {
        var results = new List<string>();
        var count = 0;
        foreach (var (method, path, operation) in _site.Operations())
        {
            foreach (var (name, status) in ApiDocsSite.Examples(operation))
            {
                using var response = await _site.Client.SendAsync(ApiDocsSite.Request(method, path, operation, name));
                count++;
                if ((int)response.StatusCode != status)
                {
                    results.Add($"{method} {path} example {name}: documented {status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.Empty(results);
        Assert.True(count >= 14, $"only {count} examples");
    }

    [Fact]
    public async Task Schemas_AFieldTheDocumentDoesNotDescribe_IsRefusedByTheApi()
    {
        var checkedBodies = 0;
        foreach (var (method, path, operation) in _site.Operations().Where(candidate => candidate.Operation["requestBody"] is not null))
        {
            var schema = Resolve(operation["requestBody"]!["content"]!["application/json"]!["schema"]!);
            Assert.False((bool?)schema["additionalProperties"] ?? true, $"{method} {path}: its body's schema allows undescribed fields");
            var (accepted, _) = ApiDocsSite.Examples(operation).First(example => example.Status is >= 200 and < 300);

            using var response = await _site.Client.SendAsync(ApiDocsSite.Request(method, path, operation, accepted, AddUndescribedField));
            var answer = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{method} {path}: {(int)response.StatusCode} {answer}");
            if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
            {
                // Ingestion answers record by record: every record refused, for that field.
                Assert.Contains("undescribedField: is not a field of the contract", answer, StringComparison.Ordinal);
                Assert.Contains("\"accepted\":0", answer, StringComparison.Ordinal);
            }
            else
            {
                // The integrator is told which field the contract does not have.
                Assert.Contains("$.undescribedField", answer, StringComparison.Ordinal);
            }

            checkedBodies++;
        }

        Assert.Equal(8, checkedBodies);
    }

    /// <summary>Every route under /api the app maps, as "METHOD /path".</summary>
    private static HashSet<string> MappedApiRoutes(IServiceProvider services) =>
        [.. from endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            where endpoint.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true
            from method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []
            select $"{method} {endpoint.RoutePattern.RawText}"];

    /// <summary>What a reader of the document would miss: operations, answers, schemas or fields without both languages.</summary>
    private static List<string> Undescribed(JsonObject document)
    {
        var problems = new List<string>();
        foreach (var path in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in path.Value!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path.Key}";
                var operation = node!.AsObject();
                Require(problems, name + " summary", operation["summary"]);
                Require(problems, name + " description", operation["description"]);
                Require(problems, name + " tag", operation["tags"]?[0]);
                foreach (var status in new[] { "401", "429" }.Where(status => operation["responses"]?[status] is null))
                {
                    problems.Add($"{name}: no {status} answer");
                }

                foreach (var response in operation["responses"]!.AsObject())
                {
                    Require(problems, $"{name} answer {response.Key}", response.Value!["description"]);
                }

                var examples = ApiDocsSite.Examples(operation).ToList();
                if (examples.Count == 0 || (operation["requestBody"] is not null && !examples.Any(example => example.Status is >= 200 and < 300)))
                {
                    problems.Add($"{name}: no example, or none of a request that is accepted");
                }
            }
        }

        foreach (var (schemaName, schema) in document["components"]!["schemas"]!.AsObject())
        {
            Require(problems, "schema " + schemaName, schema!["description"]);
            if (schemaName is "ProblemDetails" or "HttpValidationProblemDetails")
            {
                continue; // The framework's own fields, described once in the schema's description.
            }

            foreach (var (property, value) in schema["properties"]?.AsObject() ?? [])
            {
                Require(problems, $"schema {schemaName}.{property}", value!["description"]);
            }
        }

        return problems;
    }

    private static void Require(List<string> problems, string what, JsonNode? text)
    {
        var value = text?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)text : null;
        if (value is null || !Chinese().IsMatch(value) || !English().IsMatch(value))
        {
            problems.Add($"{what}: not described in English and Chinese ({value ?? "missing"})");
        }
    }

    private JsonObject Resolve(JsonNode schema)
    {
        var reference = (string?)(schema["items"] ?? schema)["$ref"];
        return _site.Document["components"]!["schemas"]![reference!.Split('/')[^1]]!.AsObject();
    }

    private static JsonNode AddUndescribedField(JsonNode body)
    {
        foreach (var record in body is JsonArray array ? array.OfType<JsonNode>() : [body])
        {
            record["undescribedField"] = "x";
        }

        return body;
    }

    [GeneratedRegex("\\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex English();

    private sealed class MapsAnUndescribedRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseRouting();
            app.UseEndpoints(endpoints => endpoints.MapGet("/api/undescribed", () => "x"));
            next(app);
        };
    }
}
