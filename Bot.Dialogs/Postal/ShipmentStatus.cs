namespace ChatPost.Bot.Dialogs.Postal;

/// <summary>A scan event's status. Wire names in <see cref="PostalNames"/>.</summary>
public enum ShipmentStatus
{
    /// <summary><c>accepted</c>: posted (收寄).</summary>
    Accepted,

    /// <summary><c>in_transit</c>.</summary>
    InTransit,

    /// <summary><c>out_for_delivery</c>.</summary>
    OutForDelivery,

    /// <summary><c>delivered</c>: signed for (签收).</summary>
    Delivered,

    /// <summary><c>returned</c>.</summary>
    Returned,

    /// <summary><c>exception</c>: held up; the description says why.</summary>
    Exception,
}
