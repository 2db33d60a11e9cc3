using ChatPost.Bot.Channels;
using ChatPost.Bot.Channels.OfficialAccount;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Hosting;
using ChatPost.Bot.WeChat;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Notifications;

/// <summary>
/// Sends a watched item's change to one watcher within WeChat's rules, when its turn in the outbox comes: inside the
/// customer-service window (and its quota) a customer-service message; outside, a template message when one is
/// configured for the item's kind; otherwise it waits for the user's next message, and goes out then. A refusal that
/// means "not this way" (window closed, quota used, no permission, a template WeChat refuses) moves it to the next way; an
/// unfollowed user's watches are deleted; only what may pass by itself (WeChat unreachable or busy) is tried again.
/// </summary>
internal sealed class NotificationSender(WatchStore watches, OfficialAccountChannel account, IShipmentLookup shipments, IInvoiceLookup invoices,
    LateReplyOutbox outbox, IOptions<WeChatOptions> wechat, IOptions<LateReplyOptions> lateReplies, TimeProvider time, ChatPostMetrics metrics,
    ILogger<NotificationSender> logger) : INoticeDelivery
{
    /// <inheritdoc/>
    public async Task<bool> DeliverAsync(LateReply notice, string itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.Change is not { } change)
        {
            await ReleaseAsync(notice.UserId, cancellationToken);
            return true;
        }

        var user = notice.UserId;
        var template = wechat.Value.OfficialAccount.Templates.For(change.Item.Kind);
        var (templateAllowed, customerServiceAllowed) = (template is not null, true);
        while (true)
        {
            var route = await watches.DecideAsync(user, change, itemId, templateAllowed, customerServiceAllowed, cancellationToken);
            WeChatApiResult result;
            switch (route)
            {
                case NoticeRoute.Unwatched:
                    await watches.UnindexAsync(change.Item, user, cancellationToken);
                    return true;
                case NoticeRoute.None:
                    return true;
                case NoticeRoute.Deferred:
                    Log(route, "kept", user, change.Item, 0);
                    return true;
                case NoticeRoute.CustomerService:
                    result = await account.SendLateAsync(user, OutboundReply.ForText(NotificationReplies.Change(change)), cancellationToken);
                    break;
                default:
                    result = await account.SendTemplateAsync(NoticeTemplate.For(template!, user, change), cancellationToken);
                    break;
            }

            switch (Outcome(route, result.ErrorCode))
            {
                case SendOutcome.Sent:
                    Log(route, "sent", user, change.Item, 0);
                    await watches.AfterToldAsync(user, change, itemId, cancellationToken);
                    return true;
                case SendOutcome.TryLater when time.GetUtcNow() - notice.SaidAt < lateReplies.Value.GiveUpAfter:
                    logger.NotificationRetrying(Channel(route), UserIds.Mask(user), change.Item.Masked(), result.ErrorCode);
                    return false;
                case SendOutcome.NotThisWay:
                    // Not this way (window closed, quota used, no permission, template refused): the next way, at once.
                    Log(route, "refused", user, change.Item, result.ErrorCode);
                    if (route == NoticeRoute.CustomerService)
                    {
                        customerServiceAllowed = false;
                        await watches.CloseWindowAsync(user, cancellationToken);
                    }
                    else
                    {
                        templateAllowed = false;
                    }

                    continue;
                case SendOutcome.Unfollowed:
                    Log(route, "unfollowed", user, change.Item, result.ErrorCode);
                    await watches.ForgetUserAsync(user, cancellationToken);
                    return true;
                default:
                    Log(route, "failed", user, change.Item, result.ErrorCode);
                    return true;
            }
        }
    }

    /// <summary>The user has just written: what waited for it is queued again, from the items' states now, to go out in the window.</summary>
    private async Task ReleaseAsync(string user, CancellationToken cancellationToken)
    {
        foreach (var item in await watches.PendingAsync(user, cancellationToken))
        {
            if (await CurrentAsync(item, cancellationToken) is { } change)
            {
                await outbox.AddNoticesAsync(OfficialAccountChannel.Id, change, [user], cancellationToken);
            }
        }
    }

    private async Task<ItemChange?> CurrentAsync(WatchedItem item, CancellationToken cancellationToken) => item.Kind == WatchedItemKind.Shipment
        ? await shipments.FindAsync(item.Id, cancellationToken) is { } shipment ? ItemChange.Of(shipment.Latest) : null
        : await invoices.FindAsync(item.Id, cancellationToken) is { } application ? ItemChange.Of(application) : null;

    private static SendOutcome Outcome(NoticeRoute route, int errorCode) => errorCode switch
    {
        WeChatErrorCodes.Ok => SendOutcome.Sent,
        _ when WeChatErrorCodes.IsTransient(errorCode) => SendOutcome.TryLater,
        WeChatErrorCodes.RequireSubscribe or WeChatErrorCodes.InvalidOpenId => SendOutcome.Unfollowed,
        WeChatErrorCodes.ResponseOutOfTimeLimit or WeChatErrorCodes.OutOfResponseCountLimit or WeChatErrorCodes.ApiUnauthorized => SendOutcome.NotThisWay,
        // Any other refusal of a template (its id, its data, the user's choice) is the template's, not the notification's.
        _ when route == NoticeRoute.Template => SendOutcome.NotThisWay,
        _ => SendOutcome.Failed,
    };

    private void Log(NoticeRoute route, string outcome, string user, WatchedItem item, int errorCode)
    {
        metrics.Notified(Channel(route), outcome);
        if (outcome == "refused")
        {
            logger.NotificationRefused(Channel(route), UserIds.Mask(user), item.Masked(), errorCode);
        }
        else if (outcome == "failed")
        {
            logger.NotificationFailed(Channel(route), UserIds.Mask(user), item.Masked(), errorCode);
        }
        else if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.Notified(Channel(route), outcome, UserIds.Mask(user), item.Masked());
        }
    }

    private static string Channel(NoticeRoute route) => route switch
    {
        NoticeRoute.CustomerService => "customer_service",
        NoticeRoute.Template => "template",
        _ => "deferred",
    };

    private enum SendOutcome
    {
        Sent,
        TryLater,
        NotThisWay,
        Unfollowed,
        Failed,
    }
}
