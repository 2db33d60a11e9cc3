using ChatPost.Bot.Audit;
using ChatPost.Bot.Channels.WeCom;
using ChatPost.Bot.WeChat;

namespace ChatPost.Bot.Broadcasts;

/// <summary>
/// Ends a broadcast once every delivery is final: one audit line and, for a manager's broadcast, a summary in
/// the WeCom app (delivered n of m; each failure with its reason). Exactly once, whichever replica finishes last.
/// </summary>
public sealed class BroadcastCompletion(IBroadcastStore store, IAuditTrail audit, WeComChannel wecom, StaffDirectory directory, TimeProvider time,
    ILogger<BroadcastCompletion> logger)
{
    /// <summary>Called when the last delivery became final; the first caller (of any replica) audits and reports.</summary>
    public async Task CompleteAsync(Broadcast broadcast, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        if (!await store.TryClaimSummaryAsync(broadcast.Id, cancellationToken))
        {
            return;
        }

        var deliveries = await store.GetDeliveriesAsync(broadcast.Id, cancellationToken);

        var sent = deliveries.Values.Count(delivery => delivery.Status == DeliveryStatus.Sent);
        logger.BroadcastCompleted(broadcast.Id, sent, deliveries.Count);
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), "system", AuditArea.Broadcast, "completed", broadcast.Id, broadcast.Origin,
            $"{sent}/{deliveries.Count} groups reached"), cancellationToken);
        if (broadcast.RequestedBy is not { } manager)
        {
            return;
        }

        var summary = Summary(broadcast, deliveries);
        var result = await wecom.SendAsync(manager, AppMessage.ForText(manager, wecom.AgentId, summary), cancellationToken);
        if (!result.IsSuccess)
        {
            logger.SummaryNotSent(broadcast.Id, result.ErrorCode);
        }
    }

    /// <summary>"通报 b… 已送达 15/17 个工作群" and one line per failure with its reason.</summary>
    public string Summary(Broadcast broadcast, IReadOnlyDictionary<string, DeliveryState> deliveries)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        ArgumentNullException.ThrowIfNull(deliveries);
        var sent = deliveries.Values.Count(delivery => delivery.Status == DeliveryStatus.Sent);
        var lines = new List<string> { $"您的通报（编号 {broadcast.Id}）已送达 {sent}/{deliveries.Count} 个工作群。" };
        var failures = deliveries.Where(delivery => delivery.Value.Status == DeliveryStatus.Failed).ToList();
        if (failures.Count > 0)
        {
            lines.Add("未送达：");
            lines.AddRange(failures.Select(failure =>
                $"· {directory.FindGroup(failure.Key)?.Name ?? failure.Key}：{failure.Value.Error ?? "原因不明"}"));
        }

        return string.Join('\n', lines);
    }
}
