using ChatPost.Bot.Dialogs.Dialogs;
using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Dialogs.Features.Greeting;
using ChatPost.Bot.Dialogs.Features.Invoices;
using ChatPost.Bot.Dialogs.Features.ManagerBroadcast;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Features.StaffProgress;
using ChatPost.Bot.Dialogs.Features.Tracking;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Staff;
using ChatPost.Bot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatPost.Bot.Dialogs;

/// <summary>
/// The bot of staff and managers, in the WeCom app and in WeCom groups (the 智能机器人): progress figures, rankings
/// and charts, the daily announcement, tracking and invoice lookups (the citizens' dialogs, masked alike) and the
/// FAQ; managers draft, confirm, schedule and recall broadcasts. In a configured group, progress means the group's
/// city. A draft waiting for "确认" keeps the conversation for its manager; others in the group are answered beside it.
/// </summary>
public sealed class StaffBot(ConversationState conversationState, CitizenRecognizer recognizer, DialogSet dialogs, IFaqIndexSource faq,
    IProgressFigures figures, IDailyAnnouncement announcement, IStaffDirectory directory, IBroadcastRequests broadcasts, TimeProvider time)
    : ActivityHandler
{
    private readonly IStatePropertyAccessor<DialogState> _dialogState = conversationState.CreateProperty<DialogState>(nameof(DialogState));

    /// <inheritdoc/>
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        // Staff get the citizens' lookups, but no notifications: nothing to watch.
        WatchOffers.TurnOff(turnContext);
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim() ?? "";
        var today = ChinaTime.Today(time);
        var context = await DialogContext.CreateAsync(turnContext, recognizer.Recognize(text, today), dialogs, _dialogState, cancellationToken);
        var command = ManagerCommandParser.Parse(text, time.GetUtcNow());
        // 确认 or 取消 answer the latest draft, even when a lookup asked in the group since waits on top of it.
        if (command?.Kind is ManagerCommandKind.Confirm or ManagerCommandKind.Cancel
            && await context.ReturnToAsync(nameof(BroadcastDialog), cancellationToken))
        {
            await context.ContinueAsync(cancellationToken);
            return;
        }

        if (context.WaitingDialog is { } waiting && await KeepsConversationAsync(context, waiting, command, today, cancellationToken))
        {
            return;
        }

        await RouteAsync(context, command, text, today, cancellationToken);
    }

    /// <summary>
    /// Whether the waiting dialog takes this message (it then had it). A draft keeps its manager's messages unless they
    /// ask for progress, and stays beneath others' questions; a lookup's question ends when the member cancels or asks
    /// something else.
    /// </summary>
    private static async Task<bool> KeepsConversationAsync(DialogContext context, Dialog waiting, ManagerCommand? command, DateOnly today,
        CancellationToken cancellationToken)
    {
        var understood = context.Understood;
        var progress = ProgressQuery.TryRead(understood, today) is not null;
        if (waiting.Accepts(context) || (waiting is BroadcastDialog && BroadcastDialog.IsDraftOf(context) && !progress)
            || (waiting is not BroadcastDialog && understood is { Intent: Intent.Other, IsCancel: false } && command is null && !progress
                && !AnnouncementRequest.Matches(understood.Normalized)))
        {
            await context.ContinueAsync(cancellationToken);
            return true;
        }

        if (waiting is BroadcastDialog && !BroadcastDialog.IsDraftOf(context))
        {
            return false;
        }

        await context.CancelAllAsync(cancellationToken);
        if (understood.IsCancel && waiting is not BroadcastDialog)
        {
            await SayAsync(context.Turn, FaqReplies.Cancelled, cancellationToken);
            return true;
        }

        return false;
    }

    private async Task RouteAsync(DialogContext context, ManagerCommand? command, string text, DateOnly today, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        switch (command?.Kind)
        {
            case ManagerCommandKind.Broadcast:
                await context.BeginAsync(nameof(BroadcastDialog), cancellationToken);
                return;
            case ManagerCommandKind.Confirm or ManagerCommandKind.Cancel:
                await SayAsync(turn, BroadcastReplies.NothingToConfirm, cancellationToken);
                return;
            case ManagerCommandKind.BadTime:
                await SayAsync(turn, BroadcastReplies.BadTime, cancellationToken);
                return;
            case ManagerCommandKind.Recall:
                await RecallAsync(turn, cancellationToken);
                return;
        }

        var group = GroupOf(turn.Activity);
        var understood = context.Understood;
        try
        {
            if (AnnouncementRequest.Matches(understood.Normalized))
            {
                var markdown = await announcement.GetTextAsync(group?.City, cancellationToken);
                await turn.SendActivityAsync(new Activity(ActivityTypes.Message) { Text = markdown, TextFormat = TextFormatTypes.Markdown }, cancellationToken);
                return;
            }

            if (ProgressQuery.TryRead(understood, today) is { } query)
            {
                await AnswerProgressAsync(turn, query, group, cancellationToken);
                return;
            }
        }
        catch (RecordsUnavailableException)
        {
            await SayAsync(turn, RecordsReplies.Busy, cancellationToken);
            return;
        }

        switch (understood.Intent)
        {
            case Intent.Tracking:
                await context.BeginAsync(nameof(TrackingDialog), cancellationToken);
                return;
            case Intent.InvoiceStatus:
                await context.BeginAsync(nameof(InvoiceStatusDialog), cancellationToken);
                return;
        }

        var match = MenuRequest.Matches(text) || text.Length == 0 ? null : faq.Current.Find(text, understood.Intent);
        await SayAsync(turn, match?.Entry.Answer ?? StaffProgressReplies.Menu, cancellationToken);
    }

    /// <summary>The figures asked for; in a group of a city, that city unless another (or 全省) is named; with 图表, the charts.</summary>
    private async Task AnswerProgressAsync(ITurnContext turn, ProgressQuery query, StaffGroupInfo? group, CancellationToken cancellationToken)
    {
        var unknownGroup = turn.Activity.Conversation?.IsGroup == true && group is null;
        if (query.City is null && group?.City is { } home && !query.Ranking && !query.ProvinceWide)
        {
            query = query with { City = home };
        }

        var snapshot = await figures.GetAsync(query.Day, cancellationToken);
        var reply = MessageFactory.Text(StaffProgressReplies.Describe(query, snapshot) + (unknownGroup && query.City is null ? StaffProgressReplies.UnknownGroupHint : ""));
        if (query.Chart)
        {
            reply.Attachments = [.. (await announcement.GetChartsAsync(query.Day, query.Business, cancellationToken))
                .Select(png => new Attachment("image/png", content: png))];
        }

        await turn.SendActivityAsync(reply, cancellationToken);
    }

    /// <summary>The configured group a 智能机器人 message comes from; null in single chat, the WeCom app or an unknown chat.</summary>
    private StaffGroupInfo? GroupOf(Activity activity) =>
        activity.Conversation is { IsGroup: true, Id: { } chatId } ? directory.FindGroupByChat(chatId) : null;

    private async Task RecallAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var userId = turn.Activity.From.Id;
        if (directory.FindManager(userId) is null)
        {
            await SayAsync(turn, BroadcastReplies.NotAManager, cancellationToken);
            return;
        }

        var cancelled = await broadcasts.CancelLatestScheduledAsync(userId, cancellationToken);
        await SayAsync(turn, cancelled ? BroadcastReplies.RecallCancelled : BroadcastReplies.CannotRecall, cancellationToken);
    }

    private static async Task SayAsync(ITurnContext turn, string text, CancellationToken cancellationToken) =>
        await turn.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
}
