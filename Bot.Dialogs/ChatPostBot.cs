using ChatPost.Bot.Dialogs.Features.Greeting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatPost.Bot.Dialogs;

/// <summary>
/// The bot behind every channel: routes a turn to the right feature and saves conversation and user state
/// at the end of it.
/// </summary>
public sealed class ChatPostBot(ConversationState conversationState, UserState userState, TimeProvider time) : ActivityHandler
{
    private readonly IStatePropertyAccessor<UserProfile> _profiles = userState.CreateProperty<UserProfile>(nameof(UserProfile));

    /// <inheritdoc/>
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var profile = await _profiles.GetAsync(turnContext, () => new UserProfile(), cancellationToken);
        var firstVisit = profile.LastSeen is null;
        await _profiles.SetAsync(turnContext, profile with { LastSeen = time.GetUtcNow() }, cancellationToken);

        var text = turnContext.Activity.Text?.Trim() ?? "";
        var reply = GreetingRecognizer.IsGreeting(text)
            ? (firstVisit ? GreetingReplies.FirstHello : GreetingReplies.Hello)
            : GreetingReplies.Menu;
        await turnContext.SendActivityAsync(MessageFactory.Text(reply), cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext,
        CancellationToken cancellationToken)
    {
        if (membersAdded.Any(member => member.Id != turnContext.Activity.Recipient?.Id))
        {
            await _profiles.SetAsync(turnContext, new UserProfile { FollowedAt = time.GetUtcNow() }, cancellationToken);
            await turnContext.SendActivityAsync(MessageFactory.Text(GreetingReplies.Welcome), cancellationToken);
        }
    }

    /// <inheritdoc/>
    protected override async Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext<IConversationUpdateActivity> turnContext,
        CancellationToken cancellationToken)
    {
        // WeChat asks developers to delete a user's data when they unfollow.
        await userState.DeleteAsync(turnContext, cancellationToken);
        await conversationState.DeleteAsync(turnContext, cancellationToken);
    }

    /// <inheritdoc/>
    protected override Task OnEventAsync(ITurnContext<IEventActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.Name is "CLICK" or "SCAN"
            ? turnContext.SendActivityAsync(MessageFactory.Text(GreetingReplies.Menu), cancellationToken)
            : Task.CompletedTask;
}
