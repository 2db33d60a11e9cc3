using ChatPost.Bot.Broadcasts;
using ChatPost.Bot.Dialogs.Features.Tracking;

namespace ChatPost.Bot.Console.Broadcasts;

/// <summary>How the broadcast pages word a broadcast's origin and times.</summary>
public static class BroadcastTexts
{
    /// <summary>Who sent it, through which way: 企业微信对话, 接口, 控制台, or 每日通报 for the announcement.</summary>
    public static string Origin(string origin, string? requestedBy) => origin switch
    {
        "announcement" => "每日通报",
        "chat" => $"企业微信对话 · {requestedBy}",
        "console" => requestedBy is null ? "控制台 · 运维" : $"控制台 · {requestedBy}",
        "api" => requestedBy is null ? "接口 · 运维" : $"接口 · {requestedBy}",
        _ => origin,
    };

    /// <summary>A moment in China time, <c>2020-03-04 10:15</c>.</summary>
    public static string Time(DateTimeOffset moment) => TrackingReplies.FormatTime(moment);

    internal static string Actor(string actor) => actor switch
    {
        BroadcastService.OperatorActor => "运维（接口）",
        BroadcastService.ConsoleOperatorActor => "运维（控制台）",
        "system" => "系统",
        _ => actor,
    };
}
