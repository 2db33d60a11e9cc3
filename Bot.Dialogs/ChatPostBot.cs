using ChatPost.Bot.Dialogs.Dialogs;
using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Dialogs.Features.Greeting;
using ChatPost.Bot.Dialogs.Features.Handoff;
using ChatPost.Bot.Dialogs.Features.Invoices;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Features.Tracking;
using ChatPost.Bot.Dialogs.Features.Unanswered;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Privacy;
using ChatPost.Bot.Dialogs.Routing;
using ChatPost.Bot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace ChatPost.Bot.Dialogs;

/// <summary>
/// The bot behind the citizens' channel: understands the message, lets a waiting dialog have it (unless the
/// user cancels or clearly asks something else), otherwise answers each question <see cref="CitizenRouter"/> finds in it;
/// saves state at the end.
/// </summary>
public sealed class ChatPostBot(ConversationState conversationState, UserState userState, CitizenRecognizer recognizer, CitizenRouter router,
    DialogSet dialogs, NotificationCommands notifications, IUnansweredQuestions unanswered, ConversationMetrics metrics, TimeProvider time,
    ILogger<ChatPostBot> logger)
    : ActivityHandler, ILookupForecast, IOneStepAnswers
{
    private readonly IStatePropertyAccessor<UserProfile> _profiles = userState.CreateProperty<UserProfile>(nameof(UserProfile));
    private readonly IStatePropertyAccessor<DialogState> _dialogState = conversationState.CreateProperty<DialogState>(nameof(DialogState));
    private readonly IStatePropertyAccessor<ConversationTopic> _topic = conversationState.CreateProperty<ConversationTopic>(nameof(ConversationTopic));

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
    /// In one step (<see cref="TryAnswerAsync"/>) when that question is all the message asks.
    /// </remarks>
    public LookupForecast Forecast(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return LookupForecast.None;
        }

        var today = ChinaTime.Today(time);
        var trimmed = text.Trim();
        var understood = recognizer.Recognize(trimmed, today);
        var lookup = understood is { Intent: Intent.Tracking, IsCancel: false };
        return new LookupForecast(text, lookup ? TrackingNumbersOf(understood) : [])
        {
            Understood = understood,
            InOneStep = lookup && understood.TrackingNumbers.Count > 0
                && router.Route(trimmed, today, topic: null, understood) is [{ Kind: RouteKind.Lookup, Understood.Intent: Intent.Tracking }],
        };
    }

    /// <inheritdoc/>
    /// <remarks>
    /// One tracking question that does not cancel, and nothing else in the message: with no dialog waiting and no topic
    /// (no stored state), the full turn routes it to <see cref="TrackingDialog"/>, which answers at once and leaves the
    /// dialog stack empty, so nothing is written; the same answer comes from the same dialog here.
    /// </remarks>
    public async Task<string?> TryAnswerAsync(string userId, LookupForecast forecast, bool citizen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        if (forecast is not { InOneStep: true, Understood: { } understood } || dialogs.Find(nameof(TrackingDialog)) is not TrackingDialog tracking)
        {
            return null;
        }

        logger.MessageUnderstood(understood.Intent);
        if (citizen)
        {
            metrics.MessageUnderstood(understood.Intent);
        }

        return await tracking.AnswerAsync(userId, understood.TrackingNumbers, cancellationToken);
    }

    private static string[] TrackingNumbersOf(CitizenUnderstanding understood)
    {
        var numbers = new string[Math.Min(understood.TrackingNumbers.Count, TrackingDialog.MaxNumbersPerMessage)];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = understood.TrackingNumbers[i].Value;
        }

        return numbers;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A waiting dialog gets the message when it carries what it waits for (unless it is a watch command, which names its
    /// items on purpose), or when nothing in it is clearly something else
    /// (it asks again, then gives up). A message that clearly asks something else — a strong knowledge answer, a redirect, a
    /// greeting, thanks, a complaint, another lookup — is answered instead, and the waiting question is dropped with one
    /// line on how to come back to it: the bot never holds a citizen to its question.
    /// </remarks>
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim() ?? "";
        var today = ChinaTime.Today(time);
        var understood = recognizer.Recognize(text, today);
        logger.MessageUnderstood(understood.Intent);
        var citizen = !SandboxTurns.IsSandbox(turnContext.Activity);
        if (citizen)
        {
            // Staff trying the bot in the console, or the service warming up, are not citizens asking: the intent counts are the campaign's.
            metrics.MessageUnderstood(understood.Intent);
        }

        var context = await DialogContext.CreateAsync(turnContext, understood, dialogs, _dialogState, cancellationToken);
        var waiting = context.WaitingDialog;
        if (waiting is not null && understood.IsCancel)
        {
            await context.CancelAllAsync(cancellationToken);
            await SayAsync(turnContext, FaqReplies.Cancelled, cancellationToken);
            return;
        }

        // A watch command names its items on purpose (提醒 EB…): it is not the number a waiting question asked for.
        if (waiting is not null && understood.Intent is not (Intent.Watch or Intent.Unwatch or Intent.ListWatches) && waiting.Accepts(context))
        {
            await context.ContinueAsync(cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var topic = await _topic.GetAsync(turnContext, () => null!, cancellationToken);
        var questions = router.Route(text, today, topic is not null && topic.IsCurrent(now) ? topic : null, understood);
        string? reminder = null;
        if (waiting is not null)
        {
            if (!questions.Any(question => question.IsClear) || questions.Any(question => DialogFor(question.Understood.Intent) == waiting.Id))
            {
                await context.ContinueAsync(cancellationToken);
                return;
            }

            await context.CancelAllAsync(cancellationToken);
            reminder = (waiting as SlotDialog)?.Reminder;
        }

        await AnswerAsync(context, text, questions, reminder, now, citizen, cancellationToken);
        // The topic is written only after a knowledge answer, and not again while it stands (a state write is a Redis round
        // trip): lookups, the bulk of the traffic, ask for their number themselves and need no topic.
        if (questions.Any(question => question.Kind == RouteKind.Faq) && CitizenRouter.Topic(questions, now) is { } next
            && !(topic is not null && topic.IsCurrent(now) && topic with { At = next.At } == next && now - topic.At < ConversationTopic.Lifetime / 2))
        {
            await _topic.SetAsync(turnContext, next, cancellationToken);
        }
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

    /// <summary>
    /// Answers each question of the message: the knowledge's answers, thanks and the menu in one message (with the
    /// <paramref name="reminder"/> of a dropped question last), then a greeting, the watch commands, a handoff and a lookup,
    /// each as its own dialog does it. Notes the questions answered weakly, not at all, or by a person, when a citizen asked
    /// them: staff trying the bot in the console's sandbox do not speak for citizens.
    /// </summary>
    private async Task AnswerAsync(DialogContext context, string text, IReadOnlyList<RoutedQuestion> questions, string? reminder, DateTimeOffset now,
        bool citizen, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var lines = new List<string>();
        string? lookup = null;
        var handoff = false;
        foreach (var question in questions)
        {
            if (citizen)
            {
                Note(question, now);
            }

            switch (question.Kind)
            {
                case RouteKind.Lookup:
                    lookup ??= DialogFor(question.Understood.Intent);
                    break;
                case RouteKind.Faq:
                    lines.Add(question.Match!.Entry.Answer);
                    break;
                case RouteKind.Handoff:
                    handoff = true;
                    break;
                case RouteKind.Greeting:
                    await GreetAsync(turn, cancellationToken);
                    break;
                case RouteKind.Thanks:
                    lines.Add(FaqReplies.Thanks);
                    break;
                case RouteKind.Watches:
                    await notifications.HandleAsync(turn, question.Understood, cancellationToken);
                    break;
                case RouteKind.Menu:
                    lines.Add(GreetingReplies.Menu);
                    break;
                default:
                    lines.Add(text.Length == 0 ? GreetingReplies.Menu : FaqReplies.NoMatch + "\n" + GreetingReplies.Menu);
                    break;
            }
        }

        if (reminder is not null && lookup is null)
        {
            lines.Add(reminder);
        }

        if (lines.Count > 0)
        {
            await SayAsync(turn, string.Join("\n\n", lines), cancellationToken);
        }

        if (handoff)
        {
            await (AgentHours.AreOpen(now)
                ? turn.SendActivityAsync(new Activity(ActivityTypes.Handoff) { Text = HandoffReplies.Transferring }, cancellationToken)
                : turn.SendActivityAsync(MessageFactory.Text(HandoffReplies.OutsideHours), cancellationToken));
        }

        if (lookup is not null)
        {
            await context.BeginAsync(lookup, cancellationToken);
        }
    }

    /// <summary>Hands a question the bot could not answer well to the unanswered list, without anything personal.</summary>
    private void Note(RoutedQuestion question, DateTimeOffset now)
    {
        UnansweredReason? reason = question.Kind switch
        {
            RouteKind.NoAnswer when question.Text.Length > 0 => UnansweredReason.NoMatch,
            RouteKind.Faq when !question.Match!.IsStrong => UnansweredReason.Weak,
            RouteKind.Handoff => UnansweredReason.Handoff,
            _ => null,
        };
        if (reason is { } why && AnonymousQuestion.From(question.Text) is { Length: > 0 } anonymous)
        {
            unanswered.Record(new UnansweredQuestion(anonymous, ChinaTime.Day(now), why, question.Match?.Entry.Id, question.Match?.Score ?? 0));
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
