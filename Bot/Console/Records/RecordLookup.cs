using ChatPost.Bot.Dialogs.Features.Invoices;
using ChatPost.Bot.Dialogs.Features.Tracking;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Ingestion;
using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Console.Records;

/// <summary>
/// The records page's lookup: a tracking number, application number or taxpayer ID, normalised as ingestion does,
/// read through the lookups the bot reads and answered with the bot's own replies, so staff see exactly what (and
/// only what, masked the same way) a citizen sees.
/// </summary>
public sealed class RecordLookup(IShipmentLookup shipments, IShipmentHistory history, IInvoiceLookup invoices)
{
    /// <summary>What <paramref name="query"/> finds; <see cref="RecordAnswer.Kind"/> says what the query was taken for.</summary>
    public async Task<RecordAnswer> FindAsync(string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (FieldRules.NormaliseTrackingNo(query) is { } trackingNo)
        {
            var summary = await shipments.FindAsync(trackingNo, cancellationToken);
            return summary is null
                ? new RecordAnswer("邮件号", trackingNo, null)
                : new RecordAnswer("邮件号", trackingNo, TrackingReplies.Found(summary))
                {
                    Steps = await StepsAsync(trackingNo, cancellationToken),
                };
        }

        if (FieldRules.NormaliseApplicationNo(query) is { } applicationNo)
        {
            return new RecordAnswer("发票申请编号", applicationNo, await InvoiceAnswerAsync(await invoices.FindAsync(applicationNo, cancellationToken), cancellationToken));
        }

        if (FieldRules.NormaliseTaxpayerId(query) is { } taxpayerId)
        {
            var latest = await invoices.FindLatestByTaxpayerAsync(taxpayerId, cancellationToken);
            return new RecordAnswer("纳税人识别号", taxpayerId, await InvoiceAnswerAsync(latest, cancellationToken));
        }

        return new RecordAnswer(null, query.Trim(), null);
    }

    private async Task<string?> InvoiceAnswerAsync(InvoiceApplication? application, CancellationToken cancellationToken)
    {
        if (application is null)
        {
            return null;
        }

        var delivery = application.TrackingNo is { } trackingNo ? await shipments.FindAsync(trackingNo, cancellationToken) : null;
        return InvoiceReplies.Status(application, delivery);
    }

    /// <summary>The shipment's timeline, read through the records' own failure rule (busy when Redis is down).</summary>
    private Task<IReadOnlyList<ShipmentStep>> StepsAsync(string trackingNo, CancellationToken cancellationToken) =>
        StorageFailure.ReadRecordsAsync(() => history.FindStepsAsync(trackingNo, MaxSteps, cancellationToken));

    /// <summary>Most steps the page shows; a real shipment has a handful.</summary>
    public const int MaxSteps = 50;
}

/// <summary>What a records query found.</summary>
/// <param name="Kind">What the query was read as (邮件号, 发票申请编号, 纳税人识别号); null when it has none of their shapes.</param>
/// <param name="Key">The query, normalised.</param>
/// <param name="Answer">The citizens' bot's answer for it; null when nothing was found.</param>
public sealed record RecordAnswer(string? Kind, string Key, string? Answer)
{
    /// <summary>A shipment's every state and when, newest first (<see cref="IShipmentHistory"/>); empty for anything else.</summary>
    public IReadOnlyList<ShipmentStep> Steps { get; init; } = [];
}
