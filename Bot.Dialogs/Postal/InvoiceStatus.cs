namespace ChatPost.Bot.Dialogs.Postal;

/// <summary>Where an invoice application stands. Wire names in <see cref="PostalNames"/>.</summary>
public enum InvoiceStatus
{
    Submitted,
    Approved,
    Issued,

    /// <summary>Handed to the post: the application carries a tracking number.</summary>
    Mailed,

    Delivered,

    /// <summary>Refused by the tax bureau: the application's note says why.</summary>
    Rejected,
}
