using ChatPost.Bot.Dialogs.Features.StaffProgress;

namespace ChatPost.Bot.Channels.WeCom.AiRobot;

/// <summary>What the 智能机器人 itself says, outside any turn of the staff bot.</summary>
internal static class AiRobotReplies
{
    public const string Working = "正在查询，请稍候…";

    public const string ResultLater = "结果稍后发送。";

    public const string UnknownStream = "这条消息已经处理完毕或已过期。如需帮助，请重新 @我 提问。";

    public const string Unsupported = "暂时只能看懂文字，请用文字 @我 提问，例如“进度”。";

    public const string Busy = "您已有 3 条消息正在处理，请等回复后再问。";

    public const string Truncated = "\n\n……（内容过长，已截断）";

    public const string CardTitle = "请确认";

    /// <summary>The answer to <c>enter_chat</c>: who the robot is and what it can do.</summary>
    public static string Welcome(string name) => $"您好，我是{(name.Length > 0 ? name : "邮政助手")}。在群里 @我 即可提问。\n{StaffProgressReplies.Menu}";
}
