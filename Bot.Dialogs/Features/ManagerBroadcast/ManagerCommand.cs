namespace ChatPost.Bot.Dialogs.Features.ManagerBroadcast;

/// <summary>What a manager typed: a broadcast to preview, a confirmation, a cancellation or a recall.</summary>
public sealed record ManagerCommand(ManagerCommandKind Kind, string? Content = null, IReadOnlyList<string>? Cities = null, DateTimeOffset? At = null);

public enum ManagerCommandKind
{
    /// <summary>"通报 …", "广播 恩施 孝感：…", optionally after "定时 明天08:00".</summary>
    Broadcast,

    /// <summary>"确认": send the previewed broadcast.</summary>
    Confirm,

    /// <summary>"取消": drop the previewed broadcast.</summary>
    Cancel,

    /// <summary>"撤回…": take back the last broadcast.</summary>
    Recall,

    /// <summary>"定时 …" with a time that could not be read, or in the past.</summary>
    BadTime,
}
