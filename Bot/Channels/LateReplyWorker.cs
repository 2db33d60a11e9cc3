using ChatPost.Bot.Hosting;
using ChatPost.Bot.WeChat;

namespace ChatPost.Bot.Channels;

/// <summary>
/// Sends the replies of late turns through each channel's API, in order per turn, retrying with backoff
/// while WeChat is unreachable or busy, and dropping (with an error log) what WeChat refuses for good.
/// </summary>
public sealed class LateReplyWorker(LateReplyOutbox queue, IEnumerable<IWeChatChannel> channels, TimeProvider time,
    ChatPostMetrics metrics, ILogger<LateReplyWorker> logger) : BackgroundService
{
    /// <summary>Attempts per reply; with the backoff below they span about eight minutes.</summary>
    public const int MaxAttempts = 10;

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromMinutes(2);
    private const int MaxConcurrentDeliveries = 32;

    private readonly Dictionary<string, IWeChatChannel> _channels = channels.ToDictionary(channel => channel.ChannelId);
    private readonly SemaphoreSlim _slots = new(MaxConcurrentDeliveries);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The last delivery queued per user: the next one to that user starts only after it, so that a
        // user reads a turn's replies in order even when one of them needs retries.
        var tails = new Dictionary<(string Channel, string User), Task>();
        try
        {
            await foreach (var delivery in queue.Reader.ReadAllAsync(stoppingToken))
            {
                var user = (delivery.ChannelId, delivery.UserId);
                var previous = tails.GetValueOrDefault(user, Task.CompletedTask);
                tails[user] = DeliverAfterAsync(previous, delivery, stoppingToken);
                if (tails.Count > MaxConcurrentDeliveries * 4)
                {
                    foreach (var done in tails.Where(tail => tail.Value.IsCompleted).Select(tail => tail.Key).ToList())
                    {
                        tails.Remove(done);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: deliveries in progress end at their current attempt.
        }

        await Task.WhenAll(tails.Values);
    }

    private async Task DeliverAfterAsync(Task previous, LateDelivery delivery, CancellationToken stoppingToken)
    {
        await previous;
        if (!_channels.TryGetValue(delivery.ChannelId, out var channel))
        {
            return;
        }

        try
        {
            await _slots.WaitAsync(stoppingToken);
            try
            {
                foreach (var reply in delivery.Replies)
                {
                    await SendWithRetryAsync(channel, delivery.UserId, reply, stoppingToken);
                }
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendWithRetryAsync(IWeChatChannel channel, string userId, OutboundReply reply, CancellationToken stoppingToken)
    {
        var backoff = FirstBackoff;
        for (var attempt = 1; ; attempt++)
        {
            var result = await channel.SendLateAsync(userId, reply, stoppingToken);
            if (result.IsSuccess)
            {
                metrics.LateReplySent(channel.ChannelId, delivered: true);
                return;
            }

            var user = UserIds.Mask(userId);
            if (!IsWorthRetrying(result.ErrorCode) || attempt == MaxAttempts)
            {
                metrics.LateReplySent(channel.ChannelId, delivered: false);
                logger.LateReplyDropped(channel.ChannelId, user, attempt, result.ErrorCode);
                return;
            }

            logger.LateReplyFailed(channel.ChannelId, user, attempt, result.ErrorCode, result.ErrorMessage);
            await Task.Delay(backoff, time, stoppingToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, LongestBackoff.Ticks));
        }
    }

    private static bool IsWorthRetrying(int errorCode) => errorCode is WeChatErrorCodes.Unreachable
        or WeChatErrorCodes.SystemBusy or WeChatErrorCodes.ApiFrequencyLimit || WeChatErrorCodes.IsTokenRejected(errorCode);
}
