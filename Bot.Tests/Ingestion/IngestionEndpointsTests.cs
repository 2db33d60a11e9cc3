using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ChatPost.Bot.Tests.Ingestion;

public partial class IngestionEndpointsTests
{
    private const string ApiKey = "ingest-test-key-0123456789";
    private const string Shipments = "/api/ingest/shipments";
    private const string Invoices = "/api/ingest/invoice-applications";

    private static readonly string Valid = IngestBatchParserTests.ValidShipment;
    private static readonly string Invalid = IngestBatchParserTests.With(Valid, "city", "\"北京\"");

    [Theory]
    [InlineData(Shipments, null)]
    [InlineData(Shipments, "Bearer wrong-key-0123456789")]
    [InlineData(Invoices, "Basic " + ApiKey)]
    [InlineData(Invoices, ApiKey)]
    public async Task Post_NoOrWrongBearerKey_Returns401AndStoresNothing(string path, string? authorization)
    {
        await using var factory = CreateFactory();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json($"[{Valid}]") };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await factory.Services.GetRequiredService<IShipmentLookup>().FindAsync("EA123456785CN", default));
    }

    [Theory]
    [InlineData(Shipments)]
    [InlineData(Invoices)]
    public async Task Post_ApiKeyNotConfigured_Returns404SayingTheApiIsOff(string path)
    {
        await using var factory = new ChatPostFactory(null);

        var response = await Client(factory).PostAsync(path, Json("[]"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Ingest:ApiKey", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Post_ValidShipments_Returns200AndTheDialogsFindThem(bool redis)
    {
        await using var factory = CreateFactory(redis);

        var response = await Client(factory).PostAsync(Shipments, Json($"[{Valid}]"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"accepted":1,"duplicates":0,"rejected":[]}""", await response.Content.ReadAsStringAsync());
        var found = await factory.Services.GetRequiredService<IShipmentLookup>().FindAsync("EA123456785CN", default);
        Assert.Equal("襄州区交通路投递站", found!.Latest.Location);
        var counts = await factory.Services.GetRequiredService<IProgressCounters>().GetAsync(new DateOnly(2020, 3, 4), new DateOnly(2020, 3, 4), default);
        Assert.Equal([new ProgressCount("襄阳", Business.License, ShipmentStatus.Delivered, 1)], counts);
    }

    [Fact]
    public async Task Post_SomeRecordsInvalid_Returns200ListingEachRejectedIndex()
    {
        await using var factory = CreateFactory();
        var other = Valid.Replace("EA123456785CN", "1173456789012", StringComparison.Ordinal);

        var response = await Client(factory).PostAsync(Shipments, Json($"[{Invalid}, {Valid}, 42, {other}, {Valid}]"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"accepted":2,"duplicates":1,"rejected":[{"index":0,"reason":"city: not one of the seventeen city branches"},{"index":2,"reason":"record: must be a JSON object"}]}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_EveryRecordInvalid_Returns422WithTheSameShape()
    {
        await using var factory = CreateFactory();

        var response = await Client(factory).PostAsync(Shipments, Json($"[{Invalid}, {{\"trackingNo\": 5}}]"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(0, body.RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal(0, body.RootElement.GetProperty("duplicates").GetInt32());
        Assert.Equal([0, 1], body.RootElement.GetProperty("rejected").EnumerateArray().Select(item => item.GetProperty("index").GetInt32()));
    }

    [Fact]
    public async Task Post_EmptyArray_Returns200WithZeros()
    {
        await using var factory = CreateFactory();

        var response = await Client(factory).PostAsync(Invoices, Json("[]"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"accepted":0,"duplicates":0,"rejected":[]}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"trackingNo\": \"EA123456785CN\"}")]
    [InlineData("[{\"trackingNo\": ")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task Post_NotAJsonArray_Returns400ProblemDetails(string body)
    {
        await using var factory = CreateFactory();

        var response = await Client(factory).PostAsync(Shipments, Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData(10_001, false)]
    [InlineData(100_000, true)] // 100,000 empty objects: 300 KB, under the byte limit, so the count limit must catch it
    public async Task Post_MoreThanTenThousandRecords_Returns413AndStoresNothing(int count, bool emptyObjects)
    {
        await using var factory = CreateFactory();
        var body = "[" + (emptyObjects ? string.Join(",", Enumerable.Repeat("{}", count)) + "," + Valid : string.Join(",", Enumerable.Repeat(Valid, count))) + "]";

        var response = await Client(factory).PostAsync(Shipments, Json(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(await factory.Services.GetRequiredService<IShipmentLookup>().FindAsync("EA123456785CN", default));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Post_BodyOverFiveMegabytes_Returns413WithOrWithoutContentLength(bool declared)
    {
        await using var factory = CreateFactory();
        var padding = new string(' ', (5 * 1024 * 1024) + 1 - 2);
        HttpContent content = declared
            ? Json("[" + padding + "]")
            : new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("[" + padding + "]")));
        if (!declared)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        var request = new HttpRequestMessage(HttpMethod.Post, Shipments) { Content = content };
        if (!declared)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        var response = await Client(factory).SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_ExactlyFiveMegabytes_IsAccepted()
    {
        await using var factory = CreateFactory();
        var body = $"[{Valid}" + new string(' ', (5 * 1024 * 1024) - Encoding.UTF8.GetByteCount($"[{Valid}]")) + "]";

        var response = await Client(factory).PostAsync(Shipments, Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_SameBatchTwice_SecondCountsDuplicatesOnly()
    {
        await using var factory = CreateFactory();
        var client = Client(factory);
        await client.PostAsync(Shipments, Json($"[{Valid}]"));

        var again = await client.PostAsync(Shipments, Json($"[{Valid}]"));

        Assert.Equal("""{"accepted":0,"duplicates":1,"rejected":[]}""", await again.Content.ReadAsStringAsync());
        var counts = await factory.Services.GetRequiredService<IProgressCounters>().GetAsync(new DateOnly(2020, 3, 1), new DateOnly(2020, 3, 31), default);
        Assert.Equal(1, Assert.Single(counts).Count);
    }

    [Fact]
    public async Task Post_Invoices_StoredAndFoundByTaxpayer()
    {
        await using var factory = CreateFactory();
        var rejected = IngestBatchParserTests.With(IngestBatchParserTests.With(IngestBatchParserTests.ValidInvoice, "status", "\"rejected\""), "applicationNo", "\"FP20200217000999\"");

        var response = await Client(factory).PostAsync(Invoices, Json($"[{IngestBatchParserTests.ValidInvoice}, {rejected}]"));

        Assert.Equal(
            """{"accepted":1,"duplicates":0,"rejected":[{"index":1,"reason":"note: required when status is rejected"}]}""",
            await response.Content.ReadAsStringAsync());
        var latest = await factory.Services.GetRequiredService<IInvoiceLookup>().FindLatestByTaxpayerAsync("91429005MA4951234A", default);
        Assert.Equal(("FP20200217000123", InvoiceStatus.Mailed, "1173456789012"), (latest!.ApplicationNo, latest.Status, latest.TrackingNo));
    }

    [Fact]
    public async Task Post_SomeRecordsRejected_LogsOneWarningWithCountsAndNoPersonalData()
    {
        var logs = new FakeLogCollector();
        await using var factory = CreateFactory(services: services => services.AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs))));
        var badPhone = IngestBatchParserTests.With(Valid, "receiverPhone", "\"1390000567\"");

        await Client(factory).PostAsync(Shipments, Json($"[{Valid}, {badPhone}]"));

        var warning = Assert.Single(logs.GetSnapshot(), record => record.Id.Id == 6001);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("2 records", warning.Message, StringComparison.Ordinal);
        Assert.Contains("1 rejected", warning.Message, StringComparison.Ordinal);
        Assert.Contains("index 1: receiverPhone: must be 11 digits", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.GetSnapshot(), record => record.Message.Contains("1390000567", StringComparison.Ordinal)
                                                            || record.Message.Contains("13800001234", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_RedisUnreachable_Returns503ToRetry()
    {
        await using var factory = CreateFactory(settings: new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = "127.0.0.1:1,connectTimeout=200,asyncTimeout=300,syncTimeout=300",
        });

        var response = await Client(factory).PostAsync(Shipments, Json($"[{Valid}]"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    private static ChatPostFactory CreateFactory(bool redis = true, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?> { ["Ingest:ApiKey"] = ApiKey };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new ChatPostFactory(redis ? TestRedis.Prefix() : null, settings: all, services: services);
    }

    private static HttpClient Client(ChatPostFactory factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
