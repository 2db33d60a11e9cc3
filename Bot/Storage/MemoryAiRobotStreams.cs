namespace ChatPost.Bot.Storage;

/// <summary>The embedded twin of <see cref="RedisAiRobotStreams"/>: the same states and limits, in this process.</summary>
public sealed class MemoryAiRobotStreams(TimeProvider time) : IAiRobotStreams
{
    private readonly Lock _gate = new();
    private readonly Dictionary<AiRobotStreamKey, Entry> _streams = [];
    private DateTimeOffset _nextSweep;

    /// <inheritdoc/>
    public Task<AiRobotStreamClaim> ClaimAsync(AiRobotStreamKey stream, string busyNotice, string turn, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Sweep(now);
            if (_streams.TryGetValue(stream, out var existing))
            {
                return Task.FromResult(new AiRobotStreamClaim(AiRobotClaimOutcome.Duplicate, existing.State));
            }

            var inFlight = _streams.Count(pair => pair.Key.UserId == stream.UserId && pair.Value.InFlight
                && now < pair.Value.Started + IAiRobotStreams.Lifetime);
            var busy = inFlight >= IAiRobotStreams.MaxInFlightPerUser;
            _streams[stream] = busy
                ? new Entry(now, new AiRobotStreamState(AiRobotStreamStatus.Finished, busyNotice), InFlight: false)
                : new Entry(now, new AiRobotStreamState(AiRobotStreamStatus.Running, ""), InFlight: true, Turn: turn, Lease: now + IAiRobotStreams.OwnerLease);
            return Task.FromResult(new AiRobotStreamClaim(busy ? AiRobotClaimOutcome.Busy : AiRobotClaimOutcome.New));
        }
    }

    /// <inheritdoc/>
    public Task<AiRobotStreamState?> RefreshAsync(AiRobotStreamKey stream, TimeSpan closeAfter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_streams.TryGetValue(stream, out var entry) || now >= entry.Started + IAiRobotStreams.Retention)
            {
                return Task.FromResult<AiRobotStreamState?>(null);
            }

            if (entry.State.Status != AiRobotStreamStatus.Running)
            {
                return Task.FromResult<AiRobotStreamState?>(entry.State);
            }

            AiRobotTakeover? takeover = null;
            if (entry.Turn is { } turn && now >= entry.Lease)
            {
                entry = entry with { Lease = now + IAiRobotStreams.OwnerLease, Takeovers = entry.Takeovers + 1 };
                takeover = new AiRobotTakeover(turn, entry.Takeovers);
            }

            if (now >= entry.Started + closeAfter)
            {
                entry = entry with { State = entry.State with { Status = AiRobotStreamStatus.Closed } };
            }

            _streams[stream] = entry;
            return Task.FromResult<AiRobotStreamState?>(entry.State with { Takeover = takeover });
        }
    }

    /// <inheritdoc/>
    public Task UpdateAsync(AiRobotStreamKey stream, string content, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_streams.TryGetValue(stream, out var entry) && entry.State.Status == AiRobotStreamStatus.Running)
            {
                _streams[stream] = entry with { State = entry.State with { Content = content } };
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<bool> KeepAsync(AiRobotStreamKey stream, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_streams.TryGetValue(stream, out var entry) || entry.State.Status != AiRobotStreamStatus.Running)
            {
                return Task.FromResult(false);
            }

            _streams[stream] = entry with { Lease = now + IAiRobotStreams.OwnerLease };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public Task<bool> FinishAsync(AiRobotStreamKey stream, string content, string? images, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_streams.TryGetValue(stream, out var entry))
            {
                return Task.FromResult(false);
            }

            switch (entry.State.Status)
            {
                case AiRobotStreamStatus.Running:
                    _streams[stream] = entry with { State = new AiRobotStreamState(AiRobotStreamStatus.Finished, content, images), InFlight = false, Turn = null };
                    return Task.FromResult(true);
                case AiRobotStreamStatus.Closed when !entry.HandedOver:
                    // The caller sends the answer through the response_url, once; a later call finds nothing to do.
                    _streams[stream] = entry with { InFlight = false, HandedOver = true, Turn = null };
                    return Task.FromResult(false);
                default:
                    return Task.FromResult(true);
            }
        }
    }

    /// <inheritdoc/>
    public Task CompleteAsync(AiRobotStreamKey stream, string content, string? images) => FinishAsync(stream, content, images, CancellationToken.None);

    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + TimeSpan.FromMinutes(1);
        foreach (var stale in _streams.Where(pair => now >= pair.Value.Started + IAiRobotStreams.Retention).Select(pair => pair.Key).ToList())
        {
            _streams.Remove(stale);
        }
    }

    private sealed record Entry(DateTimeOffset Started, AiRobotStreamState State, bool InFlight, bool HandedOver = false, string? Turn = null,
        DateTimeOffset Lease = default, int Takeovers = 0);
}
