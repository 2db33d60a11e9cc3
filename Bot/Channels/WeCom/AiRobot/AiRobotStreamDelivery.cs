using ChatPost.Bot.Hosting;
using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Channels.WeCom.AiRobot;

/// <summary>
/// The late way of a 智能机器人 turn: what it says after the first answer becomes the stream's snapshot, which
/// WeCom's refreshes read on any replica; its end finishes the stream — or, when a refresh closed it meanwhile (the
/// stream outlived <see cref="AiRobotOptions.StreamCloseAfter"/>), sends the answer once through the response_url.
/// A card click has no stream: its late answer goes to the click's response_url. While the turn runs, it keeps its
/// stream (<see cref="IAiRobotStreams.KeepAsync"/>), so that no refresh takes the turn over as one that died.
/// </summary>
public sealed class AiRobotStreamDelivery(AiRobotStreamKey? stream, string? responseUrl, IAiRobotStreams streams, AiRobotResponder responder,
    ChatPostMetrics metrics, TimeProvider time, ILogger logger) : ITurnDelivery
{
    private static readonly TimeSpan KeepEvery = IAiRobotStreams.OwnerLease / 4;

    private readonly long _started = time.GetTimestamp();
    private readonly Lock _gate = new();
    private readonly List<OutboundReply> _said = [];
    private Task _last = Task.CompletedTask;
    private ITimer? _keeper;

    /// <summary>What the stream shows so far (markdown_v2); null before the turn said anything late.</summary>
    public string? Snapshot { get; private set; }

    /// <inheritdoc/>
    /// <remarks>A stream carries every reply: all of them make one answer.</remarks>
    public (OutboundReply Passive, IReadOnlyList<OutboundReply> Late) SplitOnTime(IReadOnlyList<OutboundReply> said) => (AiRobotContent.Join(said), []);

    /// <inheritdoc/>
    public Task SendLateAsync(IReadOnlyList<OutboundReply> replies, CancellationToken cancellationToken) => InOrderAsync(async () =>
    {
        _said.AddRange(replies);
        Snapshot = AiRobotContent.Of(AiRobotContent.Join(_said));
        if (stream is { } key)
        {
            await streams.UpdateAsync(key, Snapshot, cancellationToken);
        }
    });

    /// <inheritdoc/>
    public Task EndLateAsync(CancellationToken cancellationToken) => InOrderAsync(async () =>
    {
        StopKeeping();
        var answer = _said.Count == 0 ? null : AiRobotContent.Join(_said);
        var content = answer is null ? "" : AiRobotContent.Of(answer);
        if (stream is { } key && await streams.FinishAsync(key, content, AiRobotReplyJson.Images(answer?.Images ?? []), cancellationToken))
        {
            metrics.AiRobotStreamFinished("stream", time.GetElapsedTime(_started));
            return;
        }

        if (content.Length > 0)
        {
            await responder.SendAsync(responseUrl, content, cancellationToken);
            metrics.AiRobotStreamFinished("response_url", time.GetElapsedTime(_started));
        }
    });

    /// <summary>The turn answered in the first reply: the stream is finished with it, for retries of the message.</summary>
    public void CompleteOnTime(string content, string? images)
    {
        StopKeeping();
        if (stream is not { } key)
        {
            return;
        }

        metrics.AiRobotStreamFinished("first_reply", time.GetElapsedTime(_started));
        try
        {
            _ = streams.CompleteAsync(key, content, images);
        }
        catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
        {
            // The answer went out; only a retry of the message, during the outage, would not find it.
            logger.StorageUnavailable("finishing a 智能机器人 stream", exception);
        }
    }

    /// <summary>The turn starts running here: its stream is kept until it ends (or until the stream no longer runs).</summary>
    public void StartKeeping()
    {
        if (stream is { } key)
        {
            _keeper = time.CreateTimer(_ => _ = KeepAsync(key), null, KeepEvery, KeepEvery);
        }
    }

    private async Task KeepAsync(AiRobotStreamKey key)
    {
        try
        {
            if (!await streams.KeepAsync(key, CancellationToken.None))
            {
                StopKeeping();
            }
        }
        catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
        {
            // Kept at the next tick: the lease outlives a failover by far.
        }
    }

    private void StopKeeping() => Interlocked.Exchange(ref _keeper, null)?.Dispose();

    /// <summary>Runs the stream's writes one after another, in the order the turn said its replies.</summary>
    private Task InOrderAsync(Func<Task> step)
    {
        lock (_gate)
        {
            _last = _last.ContinueWith(_ => step(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            return _last;
        }
    }
}
