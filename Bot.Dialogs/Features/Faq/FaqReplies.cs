namespace ChatPost.Bot.Dialogs.Features.Faq;

/// <summary>What the bot says when the FAQ has nothing that fits.</summary>
public static class FaqReplies
{
    public const string NoMatch = "这个问题我暂时回答不了。";

    public const string Thanks = "不客气！疫情期间大家都辛苦了，有需要随时找我。";

    public const string Cancelled = "好的，已取消。还有什么可以帮您？";
}
