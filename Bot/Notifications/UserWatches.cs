using System.Globalization;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Notifications;

/// <summary>
/// One user's notification record, as both stores keep it (a Redis hash, or its twin in memory): a field per watch
/// (<c>w:{item key}</c>, a <see cref="WatchEntry"/>); <c>seen</c>, when the user last wrote (Unix ms), which opens
/// WeChat's customer-service window; <c>sent</c>, the customer-service notifications since; <c>deferred</c> while some
/// wait for the user's next message; and <c>v</c>, a version every change here increments. The turn gate stamps
/// <c>seen</c> (and zeroes <c>sent</c>) on each message without touching <c>v</c>, so a store writes
/// <see cref="Changes"/> back only while both <c>v</c> and <c>seen</c> are as read. Every rule of watches is here.
/// </summary>
internal sealed class UserWatches
{
    public const string SeenField = "seen";
    public const string SentField = "sent";
    public const string DeferredField = "deferred";
    public const string VersionField = "v";
    private const string WatchPrefix = "w:";

    private readonly Dictionary<string, string> _fields;
    private readonly Dictionary<string, string?> _changes = new(StringComparer.Ordinal);

    private UserWatches(Dictionary<string, string> fields)
    {
        _fields = fields;
        ReadVersion = fields.GetValueOrDefault(VersionField);
        ReadSeen = fields.GetValueOrDefault(SeenField);
    }

    /// <summary>The record made of its fields; no fields is a user without a record.</summary>
    public static UserWatches From(IEnumerable<KeyValuePair<string, string>> fields) => new(new(fields, StringComparer.Ordinal));

    /// <summary>The version as read; null when the record did not exist.</summary>
    public string? ReadVersion { get; }

    /// <summary>The time of the user's last message as read; null when none was stamped.</summary>
    public string? ReadSeen { get; }

    /// <summary>The fields to write (null: delete), with <c>v</c> incremented; empty when nothing changed.</summary>
    public IReadOnlyDictionary<string, string?> Changes => _changes;

    /// <summary>True when no watch is left: the store deletes the whole record instead of writing the changes.</summary>
    public bool IsEmpty => !_fields.Keys.Any(IsWatchField);

    /// <summary>The live watches (those past their lifetime are left out), oldest first.</summary>
    public IReadOnlyList<Watch> Live(DateTimeOffset now, NotificationOptions options) =>
        [.. Entries().Where(watch => !IsExpired(watch.Entry, now, options)).OrderBy(watch => watch.Entry.Created)
            .Select(watch => new Watch(watch.Item, watch.Entry.Told, watch.Entry.Created + options.WatchLifetime))];

    /// <summary>Every watched item, live or past its lifetime.</summary>
    public IReadOnlyList<WatchedItem> Items() => [.. Entries().Select(watch => watch.Item)];

    /// <summary>The items whose latest state waits for the user's next message.</summary>
    public IReadOnlyList<WatchedItem> Pending() => [.. Entries().Where(watch => watch.Entry.Pending).Select(watch => watch.Item)];

    /// <summary>Drops the watches past their lifetime; returns their items.</summary>
    public IReadOnlyList<WatchedItem> RemoveExpired(DateTimeOffset now, NotificationOptions options)
    {
        List<WatchedItem> expired = [.. Entries().Where(watch => IsExpired(watch.Entry, now, options)).Select(watch => watch.Item)];
        expired.ForEach(Delete);
        return expired;
    }

    /// <summary>
    /// Watches <paramref name="item"/> from <paramref name="current"/>, unless it is watched already or the user watches
    /// <see cref="NotificationOptions.MaxWatchesPerUser"/> items. A watch is asked for in a message: without a stamp yet,
    /// the customer-service window opens now.
    /// </summary>
    public WatchOutcome Add(WatchedItem item, ItemState current, DateTimeOffset now, NotificationOptions options)
    {
        if (Find(item) is not null)
        {
            return WatchOutcome.AlreadyWatching;
        }

        if (Entries().Count() >= options.MaxWatchesPerUser)
        {
            return WatchOutcome.LimitReached;
        }

        Set(WatchPrefix + item.Key, new WatchEntry(now, current, Pending: false, Claim: "").Format());
        if (ReadSeen is null)
        {
            Set(SeenField, now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
            Set(SentField, "0");
        }

        return WatchOutcome.Added;
    }

    /// <summary>Ends the watch on <paramref name="item"/>, or every watch when null; returns the items whose watch ended.</summary>
    public IReadOnlyList<WatchedItem> Remove(WatchedItem? item)
    {
        List<WatchedItem> ending = item is { } one ? (Find(one) is null ? [] : [one]) : [.. Items()];
        ending.ForEach(Delete);
        return ending;
    }

    /// <summary>
    /// Decides how the user hears of <paramref name="change"/>, and records it as told (or pending). Nothing when the item is not
    /// watched (<see cref="NoticeRoute.Unwatched"/>), or the user was told this or a newer state already — unless it is this
    /// same outbox item (<paramref name="claim"/>) again, after a crash or a failed send, or the state is one that waited for
    /// the user's next message. Inside the window with quota left (and <paramref name="customerServiceAllowed"/>): a
    /// customer-service message, counted; else a template message when <paramref name="templateAllowed"/>; else it waits.
    /// </summary>
    public NoticeRoute Decide(ItemChange change, string claim, DateTimeOffset now, NotificationOptions options, bool templateAllowed,
        bool customerServiceAllowed)
    {
        var item = change.Item;
        if (Find(item) is not { } entry || IsExpired(entry, now, options))
        {
            return NoticeRoute.Unwatched;
        }

        var state = change.State;
        var order = state.CompareTo(entry.Told);
        if (order < 0 || (order == 0 && !entry.Pending && entry.Claim != claim))
        {
            return NoticeRoute.None;
        }

        var route = customerServiceAllowed && InWindow(now, options) ? NoticeRoute.CustomerService
            : templateAllowed ? NoticeRoute.Template
            : NoticeRoute.Deferred;
        Set(WatchPrefix + item.Key, (entry with { Told = state, Pending = route == NoticeRoute.Deferred, Claim = claim }).Format());
        if (route == NoticeRoute.CustomerService)
        {
            Set(SentField, (Count(SentField) + 1).ToString(CultureInfo.InvariantCulture));
        }

        return route;
    }

    /// <summary>
    /// After the user was told of <paramref name="change"/> (by the outbox item <paramref name="claim"/>): a final state ends the
    /// watch; an application mailed moves the watch to its parcel, told that it was accepted then. Returns true when the watch
    /// on the changed item ended (moved or not).
    /// </summary>
    public bool AfterTold(ItemChange change, string claim, DateTimeOffset now)
    {
        var item = change.Item;
        if (Find(item) is not { } entry || entry.Claim != claim || entry.Told.CompareTo(change.State) != 0
            || (!change.IsFinal && change.ParcelToFollow is null))
        {
            return false;
        }

        Delete(item);
        if (change.ParcelToFollow is { } parcel && Find(WatchedItem.Shipment(parcel)) is null)
        {
            var accepted = new ItemState(change.State.Time, (int)ShipmentStatus.Accepted);
            Set(WatchPrefix + WatchedItem.Shipment(parcel).Key, new WatchEntry(now, accepted, Pending: false, Claim: "").Format());
        }

        return true;
    }

    /// <summary>WeChat refused a customer-service message (window closed, quota used): none is tried again until the user writes.</summary>
    public void CloseWindow(NotificationOptions options) =>
        Set(SentField, Math.Max(Count(SentField), options.CustomerServicePerMessage).ToString(CultureInfo.InvariantCulture));

    private bool InWindow(DateTimeOffset now, NotificationOptions options) =>
        long.TryParse(_fields.GetValueOrDefault(SeenField), NumberStyles.None, CultureInfo.InvariantCulture, out var seen)
        && now - DateTimeOffset.FromUnixTimeMilliseconds(seen) < options.CustomerServiceWindow
        && Count(SentField) < options.CustomerServicePerMessage;

    private static bool IsExpired(WatchEntry entry, DateTimeOffset now, NotificationOptions options) => entry.Created + options.WatchLifetime <= now;

    private static bool IsWatchField(string field) => field.StartsWith(WatchPrefix, StringComparison.Ordinal);

    private IEnumerable<(WatchedItem Item, WatchEntry Entry)> Entries()
    {
        foreach (var (field, value) in _fields)
        {
            if (IsWatchField(field) && WatchedItem.TryParse(field[WatchPrefix.Length..], out var item) && WatchEntry.Parse(value) is { } entry)
            {
                yield return (item, entry);
            }
        }
    }

    private WatchEntry? Find(WatchedItem item) => WatchEntry.Parse(_fields.GetValueOrDefault(WatchPrefix + item.Key));

    private long Count(string field) =>
        long.TryParse(_fields.GetValueOrDefault(field), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;

    private void Delete(WatchedItem item) => Write(WatchPrefix + item.Key, null);

    private void Set(string field, string value) => Write(field, value);

    private void Write(string field, string? value)
    {
        if (_changes.Count == 0)
        {
            // The first change of this operation moves the version on, once.
            var version = (Count(VersionField) + 1).ToString(CultureInfo.InvariantCulture);
            (_fields[VersionField], _changes[VersionField]) = (version, version);
        }

        if (value is null)
        {
            _fields.Remove(field);
        }
        else
        {
            _fields[field] = value;
        }

        _changes[field] = value;
        var pending = Entries().Any(watch => watch.Entry.Pending);
        if (pending != _fields.ContainsKey(DeferredField) && field != DeferredField)
        {
            Write(DeferredField, pending ? "1" : null);
        }
    }
}
