namespace ChatPost.Bot.Broadcasts;

/// <summary>
/// <c>GET /api/broadcasts/{id}</c>: the broadcast and how its delivery went, per group. <c>state</c> is
/// <c>scheduled</c>, <c>sending</c>, <c>completed</c> (every delivery final) or <c>cancelled</c>; a group's
/// <c>state</c> is <c>pending</c>, <c>sent</c> or <c>failed</c> (with its <c>error</c>).
/// 通报及其在每个工作群的投递情况。
/// </summary>
/// <param name="Id">The broadcast's id. 通报编号。</param>
/// <param name="State"><c>scheduled</c>, <c>sending</c>, <c>completed</c> (every delivery final) or <c>cancelled</c>. 定时中、发送中、已完成（全部投递结束）或已撤回。</param>
/// <param name="Origin">Where it came from: <c>api</c>, <c>chat</c>, <c>console</c>, <c>announcement</c>. 来源。</param>
/// <param name="RequestedBy">The manager it was sent for; null for the operator or the system. 代表的管理人员；运维或系统发送时为 null。</param>
/// <param name="Title">Its first line, shortened. 首行摘要。</param>
/// <param name="CreatedAt">When it was accepted. 受理时间。</param>
/// <param name="At">When it is (or was) due; null when sent at once. 定时时间；立即发送时为 null。</param>
/// <param name="Summary">How many groups, and how many sent, failed, pending. 工作群总数及已送达、失败、待发数。</param>
/// <param name="Groups">Each group's delivery. 每个工作群的投递情况。</param>
public sealed record BroadcastReport(
    string Id,
    string State,
    string Origin,
    string? RequestedBy,
    string Title,
    DateTimeOffset CreatedAt,
    DateTimeOffset? At,
    BroadcastTally Summary,
    IReadOnlyList<GroupDelivery> Groups)
{
    public static BroadcastReport From(Broadcast broadcast, BroadcastState state, IReadOnlyDictionary<string, DeliveryState> deliveries,
        StaffDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(directory);
        var groups = broadcast.GroupIds.Select(id =>
        {
            var delivery = deliveries.GetValueOrDefault(id, DeliveryState.Pending);
            var group = directory.FindGroup(id);
            return new GroupDelivery(id, group?.Name, string.IsNullOrEmpty(group?.City) ? null : group.City,
                delivery.Status.ToString().ToLowerInvariant(), delivery.Error, delivery.Attempts, delivery.SentAt, delivery.MayHaveDuplicate);
        }).ToList();
        var tally = new BroadcastTally(groups.Count, groups.Count(g => g.State == "sent"), groups.Count(g => g.State == "failed"),
            groups.Count(g => g.State == "pending"));
        var overall = state switch
        {
            BroadcastState.Scheduled => "scheduled",
            BroadcastState.Cancelled => "cancelled",
            _ => tally.Pending == 0 ? "completed" : "sending",
        };
        return new BroadcastReport(broadcast.Id, overall, broadcast.Origin, broadcast.RequestedBy, broadcast.Title, broadcast.CreatedAt,
            broadcast.At, tally, groups);
    }
}

/// <summary>How many groups a broadcast targets, and how many are sent, failed and pending. 目标工作群数及已送达、失败、待发数。</summary>
/// <param name="Total">Groups targeted. 目标工作群数。</param>
/// <param name="Sent">Delivered. 已送达。</param>
/// <param name="Failed">Failed for good (see each group's error). 最终失败（见各群原因）。</param>
/// <param name="Pending">Still being delivered or retried. 仍在投递或重试。</param>
public sealed record BroadcastTally(int Total, int Sent, int Failed, int Pending);

/// <summary>One group's delivery in a report. 一个工作群的投递情况。</summary>
/// <param name="Id">The group's configured id. 工作群 Id。</param>
/// <param name="Name">Its name; null when no longer configured. 群名称；已不在配置中时为 null。</param>
/// <param name="City">Its city; null for a province group. 所属城市；省级群为 null。</param>
/// <param name="State"><c>pending</c>, <c>sent</c> or <c>failed</c>. 待发、已送达或失败。</param>
/// <param name="Error">The last error (WeCom's errcode and its meaning). 最近一次错误（企业微信 errcode 及含义）。</param>
/// <param name="Attempts">Failed attempts so far. 已失败的尝试次数。</param>
/// <param name="SentAt">When it arrived. 送达时间。</param>
/// <param name="MayHaveDuplicate">A timeout, or a send never recorded (a replica died, Redis failed over), left it unclear whether a part arrived before it was resent: the group may have it twice. 超时或发送结果未能记录（实例宕机、Redis 切换）导致无法确定是否已送达后重发：该群可能收到两次。</param>
public sealed record GroupDelivery(string Id, string? Name, string? City, string State, string? Error, int Attempts, DateTimeOffset? SentAt,
    bool MayHaveDuplicate);
