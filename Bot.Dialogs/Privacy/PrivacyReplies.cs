namespace ChatPost.Bot.Dialogs.Privacy;

/// <summary>What the bot says when a user looks up too many records.</summary>
public static class PrivacyReplies
{
    public const string TooManyLookups = "您查询得太频繁了，请一分钟后再试。";
}
