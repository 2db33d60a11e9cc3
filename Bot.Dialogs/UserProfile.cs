namespace ChatPost.Bot.Dialogs;

/// <summary>What the bot remembers about a user across conversations (UserState). Deleted when they unfollow.</summary>
public sealed record UserProfile
{
    /// <summary>When the user followed the account, if the bot saw it.</summary>
    public DateTimeOffset? FollowedAt { get; init; }

    /// <summary>When the user last wrote to the bot; null before the first message.</summary>
    public DateTimeOffset? LastSeen { get; init; }
}
