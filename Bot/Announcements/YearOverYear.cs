namespace ChatPost.Bot.Announcements;

/// <summary>
/// The report day's deliveries against last year's average per day, like for like: for a sum of lines, only the
/// lines that have a baseline take part, on both sides.
/// </summary>
/// <param name="Delivered">Delivered on the report day by the lines that have a baseline.</param>
/// <param name="BaselineDelivered">Their baselines summed: last year's average deliveries per day. Greater than 0.</param>
public sealed record YearOverYear(long Delivered, double BaselineDelivered)
{
    /// <summary>The change against the baseline in percent: +20 = a fifth more than last year, −100 = nothing delivered.</summary>
    public double Percent => (Delivered - BaselineDelivered) * 100.0 / BaselineDelivered;

    /// <summary>Both parts summed.</summary>
    public YearOverYear Plus(YearOverYear other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Delivered + other.Delivered, BaselineDelivered + other.BaselineDelivered);
    }
}
