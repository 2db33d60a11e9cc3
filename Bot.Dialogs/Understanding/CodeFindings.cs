namespace ChatPost.Bot.Dialogs.Understanding;

/// <summary>The codes <see cref="CodeRecognizer"/> found in one message: every tracking number, the first of each other kind.</summary>
internal sealed class CodeFindings
{
    private List<TrackingNumber>? _trackingNumbers;

    /// <summary>In the order of the message, each value once; an empty list when none.</summary>
    public IReadOnlyList<TrackingNumber> TrackingNumbers => _trackingNumbers ?? (IReadOnlyList<TrackingNumber>)[];

    public string? InvoiceApplicationNo { get; set; }

    public TaxpayerId? TaxpayerId { get; set; }

    /// <summary>11 digits, without the country code.</summary>
    public string? Phone { get; set; }

    public void Add(TrackingNumber number)
    {
        _trackingNumbers ??= [];
        if (!_trackingNumbers.Exists(known => known.Value == number.Value))
        {
            _trackingNumbers.Add(number);
        }
    }
}
