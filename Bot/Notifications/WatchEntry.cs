using System.Globalization;
using ChatPost.Bot.Dialogs.Features.Notifications;

namespace ChatPost.Bot.Notifications;

/// <summary>
/// One watch as its field in the user's record holds it: <c>{created ms}|{told ms}|{told status}|{pending 0/1}|{claim}</c>.
/// </summary>
/// <param name="Told">The state the user last saw or was told of (or will be told of when <paramref name="Pending"/>).</param>
/// <param name="Pending">The user was not told of <paramref name="Told"/> yet: WeChat allowed no message; it waits for their next one.</param>
/// <param name="Claim">The outbox item that moved <paramref name="Told"/> last: that item, sent again after a crash, still may tell it.</param>
internal sealed record WatchEntry(DateTimeOffset Created, ItemState Told, bool Pending, string Claim)
{
    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"{Created.ToUnixTimeMilliseconds()}|{Told.Time.ToUnixTimeMilliseconds()}|{Told.Status}|{(Pending ? 1 : 0)}|{Claim}");

    /// <summary>Reads <see cref="Format"/> back; null for anything else (a field from a future version, say).</summary>
    public static WatchEntry? Parse(string? value)
    {
        var parts = value?.Split('|', 5);
        return parts is { Length: 5 }
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var created)
            && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var told)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            ? new WatchEntry(DateTimeOffset.FromUnixTimeMilliseconds(created), new ItemState(DateTimeOffset.FromUnixTimeMilliseconds(told), status),
                parts[3] == "1", parts[4])
            : null;
    }
}
