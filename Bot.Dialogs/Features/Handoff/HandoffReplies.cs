namespace ChatPost.Bot.Dialogs.Features.Handoff;

/// <summary>What the bot says about reaching a person.</summary>
public static class HandoffReplies
{
    /// <summary>Shown instead of the transfer when it cannot be passive (the turn was late): the user writes again to reach an agent.</summary>
    public const string Transferring = "正在为您转接人工客服，请稍候直接留言说明问题；客服工作时间 8:00—20:00，也可拨打 11183。";
}
