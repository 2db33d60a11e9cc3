using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Ingestion;

namespace ChatPost.Bot.Demo;

/// <summary>Loads <see cref="DemoRecords"/> into the embedded store at start, so a newcomer can ask real questions.</summary>
public sealed partial class DemoSeeder(IIngestionStore store, TimeProvider time, ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(time);
        var shipments = await store.AddShipmentEventsAsync(DemoRecords.Shipments(today), cancellationToken);
        var invoices = await store.AddInvoiceApplicationsAsync(DemoRecords.InvoiceApplications(today), cancellationToken);
        logger.DemoSeeded(shipments.Accepted, invoices.Accepted);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static partial class DemoLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Embedded demo data loaded: {Events} shipment events, {Applications} invoice applications")]
    public static partial void DemoSeeded(this ILogger logger, int events, int applications);
}
