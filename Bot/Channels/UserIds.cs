namespace ChatPost.Bot.Channels;

/// <summary>OpenIDs and WeCom user ids are personal data: logs only ever see them shortened.</summary>
public static class UserIds
{
    /// <summary>
    /// The prefix of sandbox users: the console's (对话测试) and the start-up warm-up's (<c>StartupWarmup</c>). An id no WeChat or
    /// WeCom account has, so nothing is ever sent to it through their APIs, nothing that would send to it later (a watch)
    /// is kept for it, and none of its turns count as a citizen's in the metrics.
    /// </summary>
    public const string SandboxPrefix = "sandbox-";

    /// <summary>True for a sandbox user (<see cref="SandboxPrefix"/>).</summary>
    public static bool IsSandbox(string userId) => userId.StartsWith(SandboxPrefix, StringComparison.Ordinal);

    /// <summary>The first six characters and an ellipsis: enough to correlate log lines, not to identify a person.</summary>
    public static string Mask(string? userId) => userId switch
    {
        null or "" => "-",
        { Length: <= 6 } => "…",
        _ => string.Concat(userId.AsSpan(0, 6), "…"),
    };

    /// <summary>
    /// An activity id or dedupe key as logs may show it: a MsgId as is; for an event (<c>FromUserName|CreateTime|Event…</c>,
    /// WECHAT.md §1.9) the user part masked.
    /// </summary>
    public static string MaskDeliveryId(string? id)
    {
        var bar = id?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        return bar < 0 ? id ?? "-" : Mask(id![..bar]) + id[bar..];
    }
}
