using ChatPost.Bot.Dialogs.Dialogs;
using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Dialogs.Features.Greeting;
using ChatPost.Bot.Dialogs.Features.Handoff;
using ChatPost.Bot.Dialogs.Features.Invoices;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Features.Tracking;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace ChatPost.Bot.Dialogs;

/// <summary>
/// The bot behind the citizens' channel: understands the message, lets a waiting dialog have it (unless the
/// user cancels or clearly asks something else), otherwise routes it by intent; saves state at the end.
/// </summary>
public sealed class ChatPostBot(ConversationState conversationState, UserState userState, CitizenRecognizer recognizer,
    DialogSet dialogs, IFaqIndexSource faq, NotificationCommands notifications, ConversationMetrics metrics, TimeProvider time, ILogger<ChatPostBot> logger)
    : ActivityHandler, ILookupForecast
{
    private readonly IStatePropertyAccessor<UserProfile> _profiles = userState.CreateProperty<UserProfile>(nameof(UserProfile));
    private readonly IStatePropertyAccessor<DialogState> _dialogState = conversationState.CreateProperty<DialogState>(nameof(DialogState));

    /// <inheritdoc/>
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A tracking question that does not cancel: it starts (or continues) <see cref="TrackingDialog"/> with its numbers.
    /// Wrong only when a waiting dialog takes the message for its own (an application number beside the tracking number).
    /// </remarks>
    public IReadOnlyList<string> TrackingNumbersToLookUp(string? text)
    {
        var understood = recognizer.Recognize(text?.Trim() ?? "", ChinaTime.Today(time));
        return understood is { Intent: Intent.Tracking, IsCancel: false }
            ? [.. understood.TrackingNumbers.Take(TrackingDialog.MaxNumbersPerMessage).Select(number => number.Value)]
            : [];
    }

    /// <inheritdoc/>
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim() ?? "";
        var understood = recognizer.Recognize(text, ChinaTime.Today(time));
        logger.MessageUnderstood(understood.Intent);
        metrics.MessageUnderstood(understood.Intent);
        var context = await DialogContext.CreateAsync(turnContext, understood, dialogs, _dialogState, cancellationToken);
        if (context.WaitingDialog is { } waiting)
        {
            if (understood.IsCancel)
            {
                await context.CancelAllAsync(cancellationToken);
                await SayAsync(turnContext, FaqReplies.Cancelled, cancellationToken);
                return;
            }

            if (waiting.Accepts(context) || understood.Intent == Intent.Other || DialogFor(understood.Intent) == waiting.Id)
            {
                await context.ContinueAsync(cancellationToken);
                return;
            }

            // The user changed the subject: drop the question and answer the new one.
            await context.CancelAllAsync(cancellationToken);
        }

        await RouteAsync(context, text, cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext,
        CancellationToken cancellationToken)
    {
        if (membersAdded.Any(member => member.Id != turnContext.Activity.Recipient?.Id))
        {
            await _profiles.SetAsync(turnContext, new UserProfile { FollowedAt = time.GetUtcNow() }, cancellationToken);
            await SayAsync(turnContext, GreetingReplies.Welcome, cancellationToken);
        }
    }

    /// <inheritdoc/>
    protected override async Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext<IConversationUpdateActivity> turnContext,
        CancellationToken cancellationToken)
    {
        // WeChat asks developers to delete a user's data when they unfollow.
        await userState.DeleteAsync(turnContext, cancellationToken);
        await conversationState.DeleteAsync(turnContext, cancellationToken);
        await notifications.ForgetUserAsync(turnContext, cancellationToken);
    }

    /// <inheritdoc/>
    protected override Task OnEventAsync(ITurnContext<IEventActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.Name is "CLICK" or "SCAN"
            ? SayAsync(turnContext, GreetingReplies.Menu, cancellationToken)
            : Task.CompletedTask;

    /// <summary>The dialog that handles an intent; null for intents answered in one turn.</summary>
    private static string? DialogFor(Intent intent) => intent switch
    {
        Intent.Tracking => nameof(TrackingDialog),
        Intent.InvoiceStatus => nameof(InvoiceStatusDialog),
        _ => null,
    };

    private async Task RouteAsync(DialogContext context, string text, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        if (DialogFor(context.Understood.Intent) is { } dialog)
        {
            await context.BeginAsync(dialog, cancellationToken);
            return;
        }

        switch (context.Understood.Intent)
        {
            case Intent.Handoff:
                await turn.SendActivityAsync(new Activity(ActivityTypes.Handoff) { Text = HandoffReplies.Transferring }, cancellationToken);
                break;
            case Intent.Greeting:
                await GreetAsync(turn, cancellationToken);
                break;
            case Intent.Thanks:
                await SayAsync(turn, FaqReplies.Thanks, cancellationToken);
                break;
            case Intent.Watch or Intent.Unwatch or Intent.ListWatches:
                await notifications.HandleAsync(turn, context.Understood, cancellationToken);
                break;
            case Intent.Other when MenuRequest.Matches(text):
                await SayAsync(turn, GreetingReplies.Menu, cancellationToken);
                break;
            default:
                var match = faq.Current.Find(text, context.Understood.Intent);
                await SayAsync(turn, match?.Entry.Answer ?? (text.Length == 0 ? GreetingReplies.Menu : FaqReplies.NoMatch + "\n" + GreetingReplies.Menu),
                    cancellationToken);
                break;
        }
    }

    private async Task GreetAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var profile = await _profiles.GetAsync(turn, () => new UserProfile(), cancellationToken);
        await _profiles.SetAsync(turn, profile with { LastSeen = time.GetUtcNow() }, cancellationToken);
        await SayAsync(turn, profile.LastSeen is null ? GreetingReplies.FirstHello : GreetingReplies.Hello, cancellationToken);
    }

    private static async Task SayAsync(ITurnContext turn, string text, CancellationToken cancellationToken) =>
        await turn.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
}
