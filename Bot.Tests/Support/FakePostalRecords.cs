using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Tests.Support;

/// <summary>Records for conversation tests, held in memory; the ingestion store has its own tests.</summary>
public sealed class FakePostalRecords : IShipmentLookup, IInvoiceLookup
{
    private readonly Dictionary<string, List<ShipmentEvent>> _shipments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InvoiceApplication> _invoices = new(StringComparer.Ordinal);

    public FakePostalRecords Add(params ShipmentEvent[] events)
    {
        foreach (var shipmentEvent in events)
        {
            if (!_shipments.TryGetValue(shipmentEvent.TrackingNo, out var list))
            {
                _shipments[shipmentEvent.TrackingNo] = list = [];
            }

            list.Add(shipmentEvent);
        }

        return this;
    }

    public FakePostalRecords Add(InvoiceApplication application)
    {
        _invoices[application.ApplicationNo] = application;
        return this;
    }

    public Task<TrackingSummary?> FindAsync(string trackingNo, CancellationToken cancellationToken) =>
        Task.FromResult(_shipments.TryGetValue(trackingNo, out var list)
            ? new TrackingSummary(list.MaxBy(e => e.Time)!, list.Count)
            : null);

    public Task<IReadOnlyList<TrackingSummary>> FindByPhoneAsync(string phone, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TrackingSummary>>([]);

    Task<InvoiceApplication?> IInvoiceLookup.FindAsync(string applicationNo, CancellationToken cancellationToken) =>
        Task.FromResult(_invoices.GetValueOrDefault(applicationNo));

    public Task<InvoiceApplication?> FindLatestByTaxpayerAsync(string taxpayerId, CancellationToken cancellationToken) =>
        Task.FromResult(_invoices.Values.Where(a => a.TaxpayerId == taxpayerId).MaxBy(a => a.Time));
}
