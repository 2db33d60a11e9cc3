namespace ChatPost.Bot.Storage;

/// <param name="IsAdmitted">True when a send slot was taken.</param>
/// <param name="RetryAfter">When refused: how long until a slot frees. Zero when admitted.</param>
public readonly record struct RobotRateDecision(bool IsAdmitted, TimeSpan RetryAfter)
{
    public static RobotRateDecision Admitted => new(true, TimeSpan.Zero);

    public static RobotRateDecision Refused(TimeSpan retryAfter) => new(false, retryAfter);
}
