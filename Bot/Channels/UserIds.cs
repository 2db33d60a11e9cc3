namespace ChatPost.Bot.Channels;

/// <summary>OpenIDs and WeCom user ids are personal data: logs only ever see them shortened.</summary>
public static class UserIds
{
    /// <summary>The first six characters and an ellipsis: enough to correlate log lines, not to identify a person.</summary>
    public static string Mask(string? userId) => userId switch
    {
        null or "" => "-",
        { Length: <= 6 } => "…",
        _ => string.Concat(userId.AsSpan(0, 6), "…"),
    };
}
