using ChatPost.Bot.Dialogs.Dialogs;
using ChatPost.Bot.Dialogs.Features.ManagerBroadcast;
using ChatPost.Bot.Dialogs.Features.StaffProgress;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Staff;
using ChatPost.Bot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatPost.Bot.Dialogs;

/// <summary>
/// The bot behind the WeCom app: staff ask for progress figures; managers draft, confirm, schedule and
/// recall broadcasts. A draft waiting for confirmation keeps the conversation until confirmed or dropped.
/// </summary>
public sealed class StaffBot(ConversationState conversationState, CitizenRecognizer recognizer, DialogSet dialogs,
    IProgressFigures figures, IStaffDirectory directory, IBroadcastRequests broadcasts, TimeProvider time) : ActivityHandler
{
    private readonly IStatePropertyAccessor<DialogState> _dialogState = conversationState.CreateProperty<DialogState>(nameof(DialogState));

    /// <inheritdoc/>
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim() ?? "";
        var today = ChinaTime.Today(time);
        var context = await DialogContext.CreateAsync(turnContext, recognizer.Recognize(text, today), dialogs, _dialogState, cancellationToken);
        // A draft waiting for "确认" keeps the conversation, unless the member asks for progress figures instead.
        if (context.WaitingDialog is { } waiting && (waiting.Accepts(context) || ProgressQuery.TryRead(context.Understood, today) is null))
        {
            await context.ContinueAsync(cancellationToken);
            return;
        }

        await context.CancelAllAsync(cancellationToken);
        var command = ManagerCommandParser.Parse(text, time.GetUtcNow());
        switch (command?.Kind)
        {
            case ManagerCommandKind.Broadcast:
                await context.BeginAsync(nameof(BroadcastDialog), cancellationToken);
                return;
            case ManagerCommandKind.Confirm or ManagerCommandKind.Cancel:
                await SayAsync(turnContext, BroadcastReplies.NothingToConfirm, cancellationToken);
                return;
            case ManagerCommandKind.BadTime:
                await SayAsync(turnContext, BroadcastReplies.BadTime, cancellationToken);
                return;
            case ManagerCommandKind.Recall:
                await RecallAsync(turnContext, cancellationToken);
                return;
        }

        if (ProgressQuery.TryRead(context.Understood, today) is { } query)
        {
            try
            {
                var snapshot = await figures.GetAsync(query.Day, cancellationToken);
                await SayAsync(turnContext, StaffProgressReplies.Describe(query, snapshot), cancellationToken);
            }
            catch (RecordsUnavailableException)
            {
                await SayAsync(turnContext, RecordsReplies.Busy, cancellationToken);
            }

            return;
        }

        await SayAsync(turnContext, StaffProgressReplies.Menu, cancellationToken);
    }

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
