using ChatPost.Bot.Channels;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Notifications;

/// <summary>
/// Citizens' watches: <see cref="IItemWatches"/> for the dialogs, and the steps of a notification for
/// <see cref="NotificationSender"/>, over <see cref="IWatchRecords"/>. The rules are <see cref="UserWatches"/>'s; this keeps
/// the item index in step with them, and counts and logs what they did.
/// </summary>
internal sealed class WatchStore(IWatchRecords records, IOptions<NotificationOptions> options, TimeProvider time, ChatPostMetrics metrics,
    ILogger<WatchStore> logger) : IItemWatches
{
    /// <summary>How long a bare 提醒 still refers to the items of the answer before it.</summary>
    public static readonly TimeSpan OfferLifetime = TimeSpan.FromMinutes(30);

    private NotificationOptions Settings => options.Value;

    /// <inheritdoc/>
    public Task OfferAsync(string userId, IReadOnlyList<WatchedItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        return records.SetOfferAsync(userId, string.Join(',', items.Select(item => item.Key)), OfferLifetime, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<WatchedItem>> GetOfferAsync(string userId, CancellationToken cancellationToken)
    {
        var offer = await records.GetOfferAsync(userId, cancellationToken);
        return [.. (offer ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(key => WatchedItem.TryParse(key, out var item) ? item : (WatchedItem?)null).OfType<WatchedItem>()];
    }

    /// <inheritdoc/>
    public async Task<WatchOutcome> AddAsync(string userId, WatchedItem item, ItemState current, CancellationToken cancellationToken)
    {
        if (UserIds.IsSandbox(userId))
        {
            return WatchOutcome.Unreachable; // a change would be sent to an id WeChat does not know
        }

        // Indexed first: a watch must never miss its item's changes; an index entry without a watch costs one look, then goes.
        await records.IndexAsync(item, userId, cancellationToken);
        var now = time.GetUtcNow();
        var (expired, outcome) = await records.UpdateAsync(userId, record =>
        {
            var expiredNow = record.RemoveExpired(now, Settings);
            return (expiredNow, record.Add(item, current, now, Settings));
        }, cancellationToken);
        await UnindexAsync(userId, expired, cancellationToken);
        metrics.WatchesEnded(WatchEnd.Expired, expired.Count);
        switch (outcome)
        {
            case WatchOutcome.Added:
                metrics.WatchCreated(Kind(item));
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    logger.WatchStarted(UserIds.Mask(userId), item.Masked());
                }

                break;
            case WatchOutcome.LimitReached:
                await records.UnindexAsync(item, [userId], cancellationToken);
                break;
        }

        return outcome;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Watch>> ListAsync(string userId, CancellationToken cancellationToken) =>
        (await records.ReadAsync(userId, cancellationToken)).Live(time.GetUtcNow(), Settings);

    /// <inheritdoc/>
    public async Task<int> RemoveAsync(string userId, WatchedItem? item, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (expired, cancelled) = await records.UpdateAsync(userId, record => (record.RemoveExpired(now, Settings), record.Remove(item)), cancellationToken);
        await UnindexAsync(userId, [.. expired, .. cancelled], cancellationToken);
        metrics.WatchesEnded(WatchEnd.Expired, expired.Count);
        metrics.WatchesEnded(WatchEnd.Cancelled, cancelled.Count);
        return cancelled.Count;
    }

    /// <inheritdoc/>
    public async Task ForgetUserAsync(string userId, CancellationToken cancellationToken)
    {
        var watched = (await records.ReadAsync(userId, cancellationToken)).Items();
        await records.DeleteAsync(userId, cancellationToken);
        await UnindexAsync(userId, watched, cancellationToken);
        metrics.WatchesEnded(WatchEnd.Unfollowed, watched.Count);
        if (watched.Count > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.WatchesForgotten(UserIds.Mask(userId), watched.Count);
        }
    }

    /// <summary>
    /// Decides how <paramref name="userId"/> hears of <paramref name="change"/> (outbox item <paramref name="claim"/>) and records
    /// it as told: <see cref="UserWatches.Decide"/>, atomically.
    /// </summary>
    public Task<NoticeRoute> DecideAsync(string userId, ItemChange change, string claim, bool templateAllowed, bool customerServiceAllowed,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return records.UpdateAsync(userId, record => record.Decide(change, claim, now, Settings, templateAllowed, customerServiceAllowed), cancellationToken);
    }

    /// <summary>After the user was told of <paramref name="change"/>: its watch ends if the item arrived, or moves to its parcel.</summary>
    public async Task AfterToldAsync(string userId, ItemChange change, string claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.ParcelToFollow is { } parcel)
        {
            await records.IndexAsync(WatchedItem.Shipment(parcel), userId, cancellationToken);
        }

        var now = time.GetUtcNow();
        if (await records.UpdateAsync(userId, record => record.AfterTold(change, claim, now), cancellationToken))
        {
            await records.UnindexAsync(change.Item, [userId], cancellationToken);
            metrics.WatchesEnded(change.ParcelToFollow is null ? WatchEnd.Arrived : WatchEnd.Moved, 1);
        }
    }

    /// <summary>WeChat refused a customer-service message to the user: none is tried again until they write.</summary>
    public Task CloseWindowAsync(string userId, CancellationToken cancellationToken) =>
        records.UpdateAsync(userId, record =>
        {
            record.CloseWindow(Settings);
            return true;
        }, cancellationToken);

    /// <summary>The items whose news waits for the user's next message.</summary>
    public async Task<IReadOnlyList<WatchedItem>> PendingAsync(string userId, CancellationToken cancellationToken) =>
        (await records.ReadAsync(userId, cancellationToken)).Pending();

    /// <summary>Takes the user out of the item's watchers: they do not watch it (any more).</summary>
    public Task UnindexAsync(WatchedItem item, string userId, CancellationToken cancellationToken) => records.UnindexAsync(item, [userId], cancellationToken);

    private Task UnindexAsync(string userId, IReadOnlyList<WatchedItem> items, CancellationToken cancellationToken) =>
        Task.WhenAll(items.Select(item => records.UnindexAsync(item, [userId], cancellationToken)));

    private static string Kind(WatchedItem item) => item.Kind == WatchedItemKind.Shipment ? "shipment" : "invoice";
}

/// <summary>Why a watch ended: the <c>reason</c> of <c>chatpost_watches_ended_total</c>.</summary>
internal static class WatchEnd
{
    public const string Arrived = "arrived";
    public const string Moved = "moved";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";
    public const string Unfollowed = "unfollowed";
}
