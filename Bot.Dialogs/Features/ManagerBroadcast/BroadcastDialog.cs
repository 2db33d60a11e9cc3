using System.Globalization;
using ChatPost.Bot.Dialogs.Dialogs;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Staff;
using Microsoft.Bot.Builder;

namespace ChatPost.Bot.Dialogs.Features.ManagerBroadcast;

/// <summary>
/// A manager's broadcast in chat: a preview of what goes to which groups (offering 确认 and 取消 as one-tap actions),
/// then an explicit "确认" (or "取消") from the same manager: in a group, anyone else who confirms or cancels is
/// refused politely, and the refusal is audited. Authorisation is checked at preview and again when the host accepts it.
/// </summary>
public sealed class BroadcastDialog(IStaffDirectory directory, IBroadcastRequests broadcasts, TimeProvider time) : Dialog(nameof(BroadcastDialog))
{
    private const string ContentKey = "content";
    private const string CitiesKey = "cities";
    private const string AtKey = "at";
    private const string AskerKey = "asker";

    /// <summary>True when the draft waiting in <paramref name="context"/> is the sender's own.</summary>
    public static bool IsDraftOf(DialogContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Active?.Values.GetValueOrDefault(AskerKey) == context.Turn.Activity.From.Id;
    }

    /// <inheritdoc/>
    public override async Task<DialogTurnStatus> BeginAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = Read(context);
        if (command is not { Kind: ManagerCommandKind.Broadcast, Content: { } content })
        {
            return DialogTurnStatus.Complete;
        }

        var request = Request(context, content, command.Cities ?? [], command.At);
        var (groups, refusal) = BroadcastPolicy.Resolve(request, directory);
        if (refusal is not null)
        {
            await context.Turn.SendActivityAsync(refusal, cancellationToken: cancellationToken);
            return DialogTurnStatus.Complete;
        }

        var instance = context.Active!.With(ContentKey, content).With(CitiesKey, string.Join(',', command.Cities ?? []))
            .With(AskerKey, context.Turn.Activity.From.Id);
        if (command.At is { } at)
        {
            instance = instance.With(AtKey, at.ToString("O", CultureInfo.InvariantCulture));
        }

        await context.UpdateActiveAsync(instance, cancellationToken);
        await context.Turn.SendActivityAsync(MessageFactory.SuggestedActions(BroadcastReplies.PreviewActions,
            BroadcastReplies.Preview(content, groups, command.At), null, null), cancellationToken);
        return DialogTurnStatus.Waiting;
    }

    /// <inheritdoc/>
    public override async Task<DialogTurnStatus> ContinueAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = Read(context);
        var active = context.Active!; // ContinueAsync runs only for the active dialog.
        if (command?.Kind is ManagerCommandKind.Confirm or ManagerCommandKind.Cancel && !IsDraftOf(context))
        {
            var actor = context.Turn.Activity.From.Id;
            await broadcasts.RecordRefusalAsync(actor, $"{command.Kind.ToString().ToLowerInvariant()} of {active.Values.GetValueOrDefault(AskerKey)}'s draft: "
                + BroadcastReplies.OnlyTheAsker, cancellationToken);
            await context.Turn.SendActivityAsync(MessageFactory.SuggestedActions(BroadcastReplies.PreviewActions, BroadcastReplies.OnlyTheAsker, null, null),
                cancellationToken);
            return DialogTurnStatus.Waiting;
        }

        switch (command?.Kind)
        {
            case ManagerCommandKind.Confirm:
                await SubmitAsync(context, active, cancellationToken);
                return DialogTurnStatus.Complete;
            case ManagerCommandKind.Cancel:
                await context.Turn.SendActivityAsync(BroadcastReplies.Dropped, cancellationToken: cancellationToken);
                return DialogTurnStatus.Complete;
            case ManagerCommandKind.Broadcast:
                // A new draft replaces the one waiting for confirmation.
                await context.UpdateActiveAsync(DialogInstance.Start(Id), cancellationToken);
                return await BeginAsync(context, cancellationToken);
            default:
                await context.Turn.SendActivityAsync(BroadcastReplies.ConfirmOrCancel, cancellationToken: cancellationToken);
                return DialogTurnStatus.Waiting;
        }
    }

    /// <inheritdoc/>
    public override bool Accepts(DialogContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Read(context)?.Kind
            is ManagerCommandKind.Confirm or ManagerCommandKind.Cancel or ManagerCommandKind.Broadcast;
    }

    private async Task SubmitAsync(DialogContext context, DialogInstance draft, CancellationToken cancellationToken)
    {
        var cities = draft.Values.GetValueOrDefault(CitiesKey, "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        DateTimeOffset? at = draft.Values.TryGetValue(AtKey, out var when) ? DateTimeOffset.Parse(when, CultureInfo.InvariantCulture) : null;
        if (at <= time.GetUtcNow())
        {
            await context.Turn.SendActivityAsync(BroadcastReplies.TimePassed, cancellationToken: cancellationToken);
            return;
        }

        var submission = await broadcasts.SubmitAsync(Request(context, draft.Values[ContentKey], cities, at), cancellationToken);
        await context.Turn.SendActivityAsync(submission.Accepted ? BroadcastReplies.Accepted(submission) : submission.Refusal!,
            cancellationToken: cancellationToken);
    }

    // The parser folds the text itself to read the command, and cuts the content from what the manager typed:
    // given the folded text, a broadcast would go out with its full-width punctuation and Traditional script changed.
    private ManagerCommand? Read(DialogContext context) => ManagerCommandParser.Parse(context.Turn.Activity.Text ?? "", time.GetUtcNow());

    private static BroadcastRequest Request(DialogContext context, string content, IReadOnlyList<string> cities, DateTimeOffset? at) =>
        new(context.Turn.Activity.From.Id, content, null, cities, [], at,
            IdempotencyKey: $"chat:{context.Turn.Activity.From.Id}:{context.Turn.Activity.Id}", Origin: "chat");
}
