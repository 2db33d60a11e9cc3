namespace ChatPost.Bot.Announcements;

/// <summary>
/// Shipments of one business line in one city, or a sum of such lines, around the report day D. Counts are
/// shipments that reached the status (each shipment counts once per status, on the day of its first such scan).
/// </summary>
/// <param name="Accepted">Accepted (收寄) on D.</param>
/// <param name="Delivered">Delivered (签收) on D.</param>
/// <param name="PreviousDelivered">Delivered on D−1.</param>
/// <param name="CumulativeAccepted">Accepted from the campaign start through D, inclusive.</param>
/// <param name="CumulativeDelivered">Delivered from the campaign start through D, inclusive.</param>
/// <param name="YearOverYear">Against last year's baseline; null where no baseline is configured for any part of the line.</param>
public sealed record ProgressLine(
    long Accepted,
    long Delivered,
    long PreviousDelivered,
    long CumulativeAccepted,
    long CumulativeDelivered,
    YearOverYear? YearOverYear)
{
    /// <summary>Nothing on any day, no baseline.</summary>
    public static readonly ProgressLine Zero = new(0, 0, 0, 0, 0, null);

    /// <summary>Delivered on D minus delivered on D−1: positive when up.</summary>
    public long DeliveredChange => Delivered - PreviousDelivered;

    /// <summary>
    /// <see cref="DeliveredChange"/> as a percentage of D−1's deliveries (+50 = half as many again); null when D−1
    /// delivered nothing, since a change from zero has no percentage.
    /// </summary>
    public double? DeliveredChangePercent => PreviousDelivered == 0 ? null : DeliveredChange * 100.0 / PreviousDelivered;

    /// <summary>The sum of two lines. Year-over-year parts are summed over the parts that have a baseline.</summary>
    public ProgressLine Plus(ProgressLine other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            Accepted + other.Accepted,
            Delivered + other.Delivered,
            PreviousDelivered + other.PreviousDelivered,
            CumulativeAccepted + other.CumulativeAccepted,
            CumulativeDelivered + other.CumulativeDelivered,
            (YearOverYear, other.YearOverYear) switch
            {
                (null, var right) => right,
                (var left, null) => left,
                var (left, right) => left.Plus(right),
            });
    }
}
