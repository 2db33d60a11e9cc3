namespace ChatPost.Bot.Storage;

/// <summary>
/// Paces the messages of each WeCom group robot to WeCom's limit of 20 a minute (WECHAT.md §5), shared by every
/// replica (Redis) or, in the embedded mode, by this process. The window rolls and lasts a minute and a second: the
/// second absorbs differences in network latency, since WeCom counts messages when they arrive. Robots are named
/// by the lower-case hex SHA-256 of their webhook key, never by the key, which is a secret.
/// </summary>
public interface IRobotRateLimiter
{
    /// <summary>
    /// Takes a send slot when fewer than <paramref name="messagesPerMinute"/> were taken for the robot within the
    /// window. Otherwise takes nothing and says how long until the oldest send that blocks leaves the window
    /// (more than zero, at most the window); callers wait that long and ask again. Throws
    /// <see cref="ArgumentException"/> when <paramref name="webhookKeyHash"/> is not 64 lower-case hex digits.
    /// </summary>
    Task<RobotRateDecision> TryAcquireAsync(string webhookKeyHash, int messagesPerMinute, CancellationToken cancellationToken);

    /// <summary>
    /// Records that WeCom refused the robot for frequency (errcode 45009) although this limiter had admitted the
    /// send: somebody else uses the same robot. The robot's window is filled so that no replica is admitted
    /// for a full window from now.
    /// </summary>
    Task MarkSaturatedAsync(string webhookKeyHash, int messagesPerMinute, CancellationToken cancellationToken);
}
