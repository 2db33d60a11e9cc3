using System.ComponentModel.DataAnnotations;

namespace ChatPost.Bot.Broadcasts;

/// <summary>
/// <c>POST /api/broadcasts</c> (contract): <c>text</c> or <c>markdown</c> (exactly one), optional <c>cities</c> and
/// <c>groups</c> (neither: every group in scope), optional <c>at</c> (a future time with an offset) and an optional
/// <c>idempotencyKey</c> (a repeat returns the first broadcast's id). Any other field is refused (400).
/// 通报：text 或 markdown 恰好一个；cities、groups 可选（都不给则发往权限范围内所有工作群）；at 可选；其他字段一律拒绝。
/// </summary>
/// <param name="Text">Plain text, up to 20,000 characters (long texts are split). 纯文本，最多 20,000 字（过长自动拆分）。</param>
/// <param name="Markdown">WeCom markdown instead of text. 企业微信 Markdown（与 text 二选一）。</param>
/// <param name="Cities">Send to every group of these cities (of the seventeen). 发往这些城市的所有工作群。</param>
/// <param name="Groups">Send to these groups, by their configured <c>Id</c>. 按配置的 <c>Id</c> 指定工作群。</param>
/// <param name="At">Send at this time (with an offset), in the next 30 days; now when absent. 定时发送（带时区，30 天内）；不给则立即发送。</param>
/// <param name="IdempotencyKey">Any string up to 128 characters: the same key again returns the first broadcast's id and sends nothing. 幂等键：重复使用返回首次的通报编号，不再发送。</param>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record BroadcastBody(
    [property: StringLength(20_000)] string? Text = null,
    [property: StringLength(20_000)] string? Markdown = null,
    IReadOnlyList<string>? Cities = null,
    IReadOnlyList<string>? Groups = null,
    DateTimeOffset? At = null,
    [property: StringLength(128)] string? IdempotencyKey = null);

/// <summary>The answer to an accepted broadcast: 202 with its id. 已受理的通报：202 和编号。</summary>
/// <param name="Id">The broadcast's id, for its report. 通报编号，用于查看送达报告。</param>
public sealed record BroadcastAccepted(string Id);
