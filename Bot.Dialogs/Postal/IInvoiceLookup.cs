namespace ChatPost.Bot.Dialogs.Postal;

/// <summary>Reads ingested invoice applications. Implemented by the host over Redis (or in memory).</summary>
public interface IInvoiceLookup
{
    /// <summary>The application <paramref name="applicationNo"/>; null when unknown.</summary>
    Task<InvoiceApplication?> FindAsync(string applicationNo, CancellationToken cancellationToken);

    /// <summary>The latest application (by its time) of the taxpayer <paramref name="taxpayerId"/>; null when none.</summary>
    Task<InvoiceApplication?> FindLatestByTaxpayerAsync(string taxpayerId, CancellationToken cancellationToken);
}
