using ChatPost.Bot.Hosting;
using ChatPost.Bot.Storage;
using ChatPost.Bot.WeChat;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Channels;

/// <summary>
/// Sends the replies of late turns through each channel's API, one user's replies in order. A reply WeChat cannot
/// take now (unreachable, busy, a token problem) stays in the outbox and comes back after
/// <see cref="LateReplyOptions.RetryAfter"/>, on any replica, until <see cref="LateReplyOptions.GiveUpAfter"/>; what
/// WeChat refuses for good (the user unfollowed, the window closed) is dropped with an error log. Notifications, queued in
/// the same order, go to <see cref="INoticeDelivery"/>.
/// </summary>
public sealed class LateReplyWorker(LateReplyOutbox outbox, IEnumerable<IWeChatChannel> channels, INoticeDelivery notices,
    IOptions<LateReplyOptions> options, TimeProvider time, ChatPostMetrics metrics, ILogger<LateReplyWorker> logger) : BackgroundService
{
    private readonly Dictionary<string, IWeChatChannel> _channels = channels.ToDictionary(channel => channel.ChannelId);
    private readonly BacklogPump _pump = new(outbox.Backlog, time, logger);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        return _pump.RunAsync(new BacklogPumpSettings(settings.MaxConcurrent, settings.RetryAfter, settings.PollInterval),
            item => LateReply.OrderKey(item.Payload), SendAsync, metrics.LateReplyBacklogSeen, stoppingToken);
    }

    private async Task SendAsync(WorkItem item, CancellationToken stoppingToken)
    {
        if (LateReply.From(item.Payload) is not { } late || !_channels.TryGetValue(late.ChannelId, out var channel))
        {
            await outbox.Backlog.AcknowledgeAsync(item, stoppingToken);
            return;
        }

        if (late.Reply is null)
        {
            if (await notices.DeliverAsync(late, item.Id, stoppingToken))
            {
                await outbox.Backlog.AcknowledgeAsync(item, CancellationToken.None);
            }

            return; // Unacknowledged: it comes back after RetryAfter.
        }

        var result = await channel.SendLateAsync(late.UserId, late.Reply, stoppingToken);
        var user = UserIds.Mask(late.UserId);
        if (result.IsSuccess)
        {
            metrics.LateReplySent(channel.ChannelId, delivered: true);
        }
        else if (WeChatErrorCodes.IsTransient(result.ErrorCode) && time.GetUtcNow() - late.SaidAt < options.Value.GiveUpAfter)
        {
            logger.LateReplyFailed(channel.ChannelId, user, result.ErrorCode, result.ErrorMessage);
            return; // Unacknowledged: it comes back after RetryAfter.
        }
        else
        {
            metrics.LateReplySent(channel.ChannelId, delivered: false);
            logger.LateReplyDropped(channel.ChannelId, user, result.ErrorCode);
        }

        await outbox.Backlog.AcknowledgeAsync(item, CancellationToken.None);
    }
}
