namespace ChatPost.Bot.Storage;

/// <summary>
/// A durable backlog of work shared by every replica: a Redis stream read by one consumer group (or, in the embedded
/// mode, this process). An item taken but not acknowledged comes back after an idle time, to whichever replica
/// reclaims it first: that is how a dead replica's work and a failed attempt are retried.
/// </summary>
public interface IWorkBacklog
{
    /// <summary>Adds an item.</summary>
    Task AddAsync(string payload, CancellationToken cancellationToken);

    /// <summary>Takes up to <paramref name="max"/> items nobody has taken yet.</summary>
    Task<IReadOnlyList<WorkItem>> TakeAsync(string consumer, int max, CancellationToken cancellationToken);

    /// <summary>Takes over up to <paramref name="max"/> items taken but not acknowledged for at least <paramref name="minIdle"/>.</summary>
    Task<IReadOnlyList<WorkItem>> ReclaimAsync(string consumer, TimeSpan minIdle, int max, CancellationToken cancellationToken);

    /// <summary>Says these items are still being worked on here, so that nobody reclaims them yet.</summary>
    Task TouchAsync(string consumer, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken);

    /// <summary>
    /// Gives back items this consumer took and will not finish (it is stopping): any consumer may take them over at once,
    /// without waiting out the retry time, and before the items queued after them.
    /// </summary>
    Task ReleaseAsync(string consumer, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken);

    /// <summary>Removes a finished item from the queue.</summary>
    Task AcknowledgeAsync(WorkItem item, CancellationToken cancellationToken);

    /// <summary>How many items wait, taken or not.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);
}

/// <summary>One item of a <see cref="IWorkBacklog"/>: its queue id and what it carries.</summary>
public sealed record WorkItem(string Id, string Payload);
