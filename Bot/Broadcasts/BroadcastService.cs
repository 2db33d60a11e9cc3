using System.Globalization;
using System.Security.Cryptography;
using ChatPost.Bot.Audit;
using ChatPost.Bot.Dialogs.Features.ManagerBroadcast;
using ChatPost.Bot.Dialogs.Staff;

namespace ChatPost.Bot.Broadcasts;

/// <summary>
/// Accepts broadcasts from every path — chat (<see cref="IBroadcastRequests"/>), the admin API, announcements —
/// after the one <see cref="BroadcastPolicy"/>, stores them durably, schedules the timed ones, and cancels.
/// </summary>
public sealed class BroadcastService(IBroadcastStore store, IAuditTrail audit, StaffDirectory directory, BroadcastScheduler scheduler, TimeProvider time,
    ILogger<BroadcastService> logger) : IBroadcastRequests
{
    /// <summary>The actor of the audit trail for an admin-API call that names no manager.</summary>
    public const string OperatorActor = "admin-api";

    /// <summary>The actor of the audit trail for the console's operator (signed in with the admin key).</summary>
    public const string ConsoleOperatorActor = "console-operator";

    /// <summary>The origins whose requests without a manager come from the holder of the admin key (province scope).</summary>
    private static bool OperatorMayUse(string origin) => origin is "api" or "console";

    private static string ActorOf(string? requestedBy, string origin) =>
        requestedBy ?? (origin == "console" ? ConsoleOperatorActor : OperatorActor);

    /// <summary>How far ahead a broadcast may be scheduled: well inside what the store keeps (90 days), so that a
    /// scheduled broadcast is still there when it is due.</summary>
    public static readonly TimeSpan LongestSchedule = TimeSpan.FromDays(30);

    private const int TitleLength = 30;

    /// <inheritdoc/>
    public async Task<BroadcastSubmission> SubmitAsync(BroadcastRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var actor = ActorOf(request.RequestedBy, request.Origin);
        var (groups, refusal) = BroadcastPolicy.Resolve(request, directory, operatorAllowed: OperatorMayUse(request.Origin));
        if (request.At - time.GetUtcNow() > LongestSchedule)
        {
            refusal ??= BroadcastReplies.TooFarAhead; // every path: the API checks it too, chat only here
        }

        if (refusal is not null)
        {
            logger.BroadcastRefused(request.Origin, actor, refusal);
            await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), actor, AuditArea.Broadcast, "refused", null, request.Origin, refusal), cancellationToken);
            return BroadcastSubmission.Refused(refusal);
        }

        var content = request.Markdown ?? request.Text ?? "";
        BroadcastPart part = request.Markdown is not null ? BroadcastPart.Markdown(content) : BroadcastPart.Text(content);
        var broadcast = NewBroadcast(request.RequestedBy, request.Origin, Title(content), [part], [.. groups.Select(group => group.Id)], request.At);
        var key = request.IdempotencyKey is { } idempotencyKey ? $"{actor}:{idempotencyKey}" : null;
        var (id, created) = await AcceptAsync(broadcast, key, actor, cancellationToken);
        if (created)
        {
            return new BroadcastSubmission(id, groups, request.At, null);
        }

        var first = await store.GetAsync(id, cancellationToken);
        return new BroadcastSubmission(id, [.. directory.Groups.Where(group => first?.GroupIds.Contains(group.Id) == true)], first?.At, null, Duplicate: true);
    }

    /// <summary>
    /// Sends an announcement composed by the system to <paramref name="groupIds"/>, at once. A repeated
    /// <paramref name="idempotencyKey"/> (the announcement and its date) sends nothing again.
    /// </summary>
    public Task<(string Id, bool Created)> AnnounceAsync(string title, IReadOnlyList<BroadcastPart> parts, IReadOnlyList<string> groupIds,
        string? idempotencyKey, CancellationToken cancellationToken) =>
        AcceptAsync(NewBroadcast(null, "announcement", title, parts, groupIds, null), idempotencyKey, "system", cancellationToken);

    /// <inheritdoc/>
    public async Task RecordRefusalAsync(string actor, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        logger.BroadcastRefused("chat", actor, reason);
        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), actor, AuditArea.Broadcast, "refused", null, "chat", reason), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<bool> CancelLatestScheduledAsync(string managerId, CancellationToken cancellationToken) =>
        await store.LatestScheduledByAsync(managerId, cancellationToken) is { } id && await CancelAsync(id, managerId, cancellationToken);

    /// <summary>
    /// Releases a timed broadcast when it is due, after checking the policy again: a manager removed or moved to
    /// another scope since scheduling it (or a group no longer configured) cancels it, audited as refused.
    /// </summary>
    public async Task<bool> ReleaseAsync(string id, CancellationToken cancellationToken)
    {
        var broadcast = await store.GetAsync(id, cancellationToken);
        if (broadcast is null)
        {
            return false;
        }

        if (broadcast.Origin != "announcement")
        {
            var recheck = new BroadcastRequest(broadcast.RequestedBy, broadcast.Title, null, [], broadcast.GroupIds, null, null, broadcast.Origin);
            if (BroadcastPolicy.Resolve(recheck, directory, operatorAllowed: OperatorMayUse(broadcast.Origin)).Refusal is { } refusal)
            {
                var actor = ActorOf(broadcast.RequestedBy, broadcast.Origin);
                logger.BroadcastRefused(broadcast.Origin, actor, refusal);
                await store.CancelAsync(id, new AuditEntry(time.GetUtcNow(), actor, AuditArea.Broadcast, "refused", id, broadcast.Origin, "at release: " + refusal),
                    cancellationToken);
                return false;
            }
        }

        return await store.ReleaseAsync(id, cancellationToken);
    }

    /// <summary>Cancels a broadcast that is still scheduled; false when it is not (sent, sending, or unknown).</summary>
    public async Task<bool> CancelAsync(string id, string actor, CancellationToken cancellationToken)
    {
        var broadcast = await store.GetAsync(id, cancellationToken);
        if (broadcast is null || !await store.CancelAsync(id, new AuditEntry(time.GetUtcNow(), actor, AuditArea.Broadcast, "cancelled", id, broadcast.Origin, ""), cancellationToken))
        {
            return false;
        }

        logger.BroadcastCancelled(id, actor);
        await scheduler.UnscheduleAsync(id, cancellationToken);
        return true;
    }

    private async Task<(string Id, bool Created)> AcceptAsync(Broadcast broadcast, string? idempotencyKey, string actor, CancellationToken cancellationToken)
    {
        var line = new AuditEntry(broadcast.CreatedAt, actor, AuditArea.Broadcast, broadcast.At is null ? "accepted" : "scheduled", broadcast.Id, broadcast.Origin,
            $"{broadcast.GroupIds.Count} groups: {string.Join(',', broadcast.GroupIds)}");
        var (id, created) = await store.CreateAsync(broadcast, idempotencyKey, line, cancellationToken);
        if (created)
        {
            logger.BroadcastAccepted(id, broadcast.Origin, actor, broadcast.GroupIds.Count, broadcast.At);
            if (broadcast.At is { } at)
            {
                await scheduler.ScheduleAsync(id, at, cancellationToken);
            }
        }

        return (id, created);
    }

    private Broadcast NewBroadcast(string? requestedBy, string origin, string title, IReadOnlyList<BroadcastPart> parts,
        IReadOnlyList<string> groupIds, DateTimeOffset? at)
    {
        var now = time.GetUtcNow();
        var id = "b" + now.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        return new Broadcast(id, requestedBy, origin, title, parts, groupIds, now, at);
    }

    private static string Title(string content)
    {
        var firstLine = content.Split('\n', 2)[0].Trim();
        return firstLine.Length <= TitleLength ? firstLine : firstLine[..TitleLength] + "…";
    }
}
