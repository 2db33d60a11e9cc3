namespace ChatPost.Bot.Channels;

/// <summary>What the user reads when a turn fails unexpectedly.</summary>
internal static class TurnErrorReplies
{
    public const string Apology = "抱歉，系统开小差了，请稍后再试。如需帮助，请回复“人工”。";
}
