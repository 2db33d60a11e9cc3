using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Ingestion;

/// <summary>The ingestion API (<c>/api/ingest/*</c>) and how long ingested data is kept. Section <c>Ingest</c>.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>
    /// The bearer key upstream systems send as <c>Authorization: Bearer …</c>. Secret: set it through the
    /// environment (<c>Ingest__ApiKey</c>). Empty (the default) disables the API: both endpoints answer 404.
    /// Otherwise 16 to 256 printable ASCII characters without spaces.
    /// </summary>
    [RegularExpression("^([\\x21-\\x7E]{16,256})?$", ErrorMessage = "Ingest:ApiKey must be empty or 16 to 256 printable ASCII characters without spaces.")]
    public string ApiKey { get; set; } = "";

    /// <summary>
    /// How long a tracking number (its latest event, event count and the receiver-phone index) is kept after its
    /// last new event was ingested. Default 180 days; 1 to 3650 days.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan ShipmentTimeToLive { get; set; } = TimeSpan.FromDays(180);

    /// <summary>
    /// How long an invoice application (and the taxpayer index) is kept after its latest state was ingested.
    /// Default 365 days; 1 to 3650 days.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan InvoiceTimeToLive { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// How long the progress counters of one day are kept after they last changed, so that announcements can
    /// sum a whole campaign. Default 730 days; 30 to 3650 days.
    /// </summary>
    [Range(typeof(TimeSpan), "30.00:00:00", "3650.00:00:00")]
    public TimeSpan CounterTimeToLive { get; set; } = TimeSpan.FromDays(730);

    /// <summary>False when <see cref="ApiKey"/> is empty: the API is switched off.</summary>
    public bool IsEnabled => ApiKey.Length > 0;
}

[OptionsValidator]
public sealed partial class IngestOptionsValidator : IValidateOptions<IngestOptions>;
