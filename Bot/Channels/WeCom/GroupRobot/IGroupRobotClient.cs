namespace ChatPost.Bot.Channels.WeCom.GroupRobot;

/// <summary>
/// Sends messages into WeCom group chats through their robots' webhooks (<c>WeCom:WebhookBaseUrl</c>). Failures
/// are results, never exceptions; only cancellation throws.
/// </summary>
public interface IGroupRobotClient
{
    /// <summary>
    /// Sends <paramref name="message"/> through the robot with <paramref name="webhookKey"/> (the <c>key=</c> value
    /// of its webhook URL, not the URL). Text and markdown over WeCom's byte limits go out as several parts, in
    /// order (<see cref="RobotMessageSplitter"/>); each part waits for a slot in the robot's rolling minute, shared
    /// by every replica, and is retried with backoff after transient failures. Returns when every part was sent
    /// or one failed for good or ran out of retries; waits as long as the robot's rate requires, so bound it with
    /// <paramref name="cancellationToken"/>, which throws <see cref="OperationCanceledException"/>. A null or blank
    /// key throws <see cref="ArgumentException"/>; a whole URL given as the key is refused without a request.
    /// </summary>
    Task<RobotSendResult> SendAsync(string webhookKey, RobotMessage message, CancellationToken cancellationToken);
}
