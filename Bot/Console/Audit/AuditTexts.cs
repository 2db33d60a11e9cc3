using ChatPost.Bot.Broadcasts;
using ChatPost.Bot.Console.Broadcasts;

namespace ChatPost.Bot.Console.Audit;

/// <summary>How the audit page words the trail's actions and actors.</summary>
public static class AuditTexts
{
    /// <summary>The actions the trail holds, in the order the filter offers them, with their Chinese names.</summary>
    public static readonly IReadOnlyList<(string Action, string Title)> Actions =
    [
        ("accepted", "通报已受理"),
        ("scheduled", "通报已定时"),
        ("cancelled", "通报已撤回"),
        ("refused", "通报被拒绝"),
        ("completed", "通报已送完"),
        ("imported", "导入记录"),
        ("faq-created", "知识条目新建"),
        ("faq-updated", "知识条目修改"),
        ("faq-deleted", "知识条目删除"),
        ("faq-reverted", "知识条目回退"),
        ("faq-imported", "知识库导入"),
        ("faq-seeded", "知识库初始导入"),
        ("signed-in", "登录"),
        ("signed-out", "退出登录"),
        ("sign-in-failed", "登录失败"),
        ("sign-in-refused", "登录被拒（失败过多）"),
    ];

    /// <summary>An action's Chinese name; an action this page does not know yet is shown as written.</summary>
    public static string Action(string action) => Actions.FirstOrDefault(known => known.Action == action).Title ?? action;

    /// <summary>Who an actor is: a manager's name and UserID, the operator, the system, or an unknown visitor.</summary>
    public static string Actor(string actor, StaffDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return actor switch
        {
            "anonymous" => "未登录的访客",
            _ when directory.FindManager(actor) is { Name.Length: > 0 } manager => $"{manager.Name}（{actor}）",
            _ => BroadcastTexts.Actor(actor),
        };
    }

    /// <summary>Where a line came from: 控制台, 接口, 企业微信对话, 每日通报.</summary>
    public static string Origin(string origin) => origin switch
    {
        "console" => "控制台",
        "api" => "接口",
        "chat" => "企业微信对话",
        "announcement" => "每日通报",
        "seed" => "初始导入",
        _ => origin,
    };
}
