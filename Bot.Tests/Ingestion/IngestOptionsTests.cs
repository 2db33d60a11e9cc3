using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Ingestion;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Tests.Ingestion;

public class IngestOptionsTests
{
    [Theory]
    [InlineData("Ingest:ApiKey", "short")]
    [InlineData("Ingest:ApiKey", "sixteen chars with spaces")]
    [InlineData("Ingest:ShipmentTimeToLive", "00:30:00")]
    [InlineData("Ingest:InvoiceTimeToLive", "4000.00:00:00")]
    [InlineData("Ingest:CounterTimeToLive", "7.00:00:00")]
    public async Task AddIngestion_InvalidSetting_FailsAtStartNamingTheKey(string key, string value)
    {
        using var host = CreateHost(new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddIngestion_Defaults_StartWithTheApiOff()
    {
        using var host = CreateHost([]);

        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<IngestOptions>>().Value;
        Assert.False(options.IsEnabled);
        Assert.Equal(TimeSpan.FromDays(180), options.ShipmentTimeToLive);
        Assert.Equal(TimeSpan.FromDays(365), options.InvoiceTimeToLive);
        await host.StopAsync();
    }

    [Theory]
    [InlineData(true, typeof(RedisIngestionStore))]
    [InlineData(false, typeof(MemoryIngestionStore))]
    public async Task Host_EitherMode_OneStoreServesEveryIngestionInterface(bool redis, Type expected)
    {
        await using var factory = new ChatPostFactory(redis ? TestRedis.Prefix() : null);

        var services = factory.Services;

        var store = services.GetRequiredService<IIngestionStore>();
        Assert.IsType(expected, store);
        Assert.Same(store, services.GetRequiredService<IShipmentLookup>());
        Assert.Same(store, services.GetRequiredService<IInvoiceLookup>());
        Assert.Same(store, services.GetRequiredService<IProgressCounters>());
        Assert.NotNull(services.GetRequiredService<IngestionHandler>());
    }

    private static IHost CreateHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddLogging();
        builder.AddIngestion();
        return builder.Build();
    }
}
