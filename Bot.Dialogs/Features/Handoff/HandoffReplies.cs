namespace ChatPost.Bot.Dialogs.Features.Handoff;

/// <summary>What the bot says about reaching a person.</summary>
public static class HandoffReplies
{
    /// <summary>Shown instead of the transfer when it cannot be passive (the turn was late): the user writes again to reach an agent.</summary>
    public const string Transferring = "正在为您转接人工客服，请稍候直接留言说明问题；客服工作时间 8:00—20:00，也可拨打 11183。";

    /// <summary>Outside <see cref="AgentHours"/>: nobody would pick the transfer up, so the hotline for questions and complaints.</summary>
    public const string OutsideHours = "人工客服每天 8:00—20:00 在线，现在不在服务时间。咨询和投诉请拨打邮政客服热线 11185；查邮件、查发票可以随时直接发给我。";
}
