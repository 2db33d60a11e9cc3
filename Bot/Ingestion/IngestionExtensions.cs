using ChatPost.Bot.ApiDocs;
using ChatPost.Bot.Hosting;
using ChatPost.Bot.Ingestion.Spreadsheets;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Ingestion;

public static class IngestionExtensions
{
    /// <summary>
    /// The ingestion API and the data it writes: <see cref="IngestOptions"/> (section <c>Ingest</c>, validated at
    /// start), and one store — <see cref="RedisIngestionStore"/> when <c>Redis:Configuration</c> is set (call
    /// <c>AddStorage</c> first: it registers the connection), <see cref="MemoryIngestionStore"/> otherwise — registered
    /// as <see cref="IIngestionStore"/> and as the <see cref="IShipmentLookup"/>, <see cref="IInvoiceLookup"/> and
    /// <see cref="IProgressCounters"/> that the dialogs and announcements read.
    /// </summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddChatPostMetrics();
        var services = builder.Services;
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>());
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, IngestionJsonContext.Default));
        services.AddApiSchemaTransformer<IngestionSchemaTransformer>();

        if (builder.UsesRedis())
        {
            AddStore<RedisIngestionStore>(services);
        }
        else
        {
            AddStore<MemoryIngestionStore>(services);
        }

        services.TryAddSingleton<IngestionHandler>();
        services.TryAddSingleton<SpreadsheetImport>();
        return builder;
    }

    private static void AddStore<TStore>(IServiceCollection services)
        where TStore : class, IIngestionStore, IShipmentLookup, IShipmentHistory, IInvoiceLookup, IProgressCounters
    {
        services.TryAddSingleton<TStore>();
        services.TryAddSingleton<IIngestionStore>(provider => provider.GetRequiredService<TStore>());
        services.TryAddSingleton<IShipmentLookup>(provider => provider.GetRequiredService<TStore>());
        services.TryAddSingleton<IShipmentHistory>(provider => provider.GetRequiredService<TStore>());
        services.TryAddSingleton<IInvoiceLookup>(provider => provider.GetRequiredService<TStore>());
        services.TryAddSingleton<IProgressCounters>(provider => provider.GetRequiredService<TStore>());
    }
}
