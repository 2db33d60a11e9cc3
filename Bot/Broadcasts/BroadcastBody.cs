using System.ComponentModel.DataAnnotations;

namespace ChatPost.Bot.Broadcasts;

/// <summary>
/// <c>POST /api/broadcasts</c> (contract): <c>text</c> or <c>markdown</c> (exactly one), optional <c>cities</c> and
/// <c>groups</c> (neither: every group in scope), optional <c>at</c> (a future time with an offset) and an optional
/// <c>idempotencyKey</c> (a repeat returns the first broadcast's id). Any other field is refused (400).
/// </summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record BroadcastBody(
    [property: StringLength(20_000)] string? Text,
    [property: StringLength(20_000)] string? Markdown,
    IReadOnlyList<string>? Cities,
    IReadOnlyList<string>? Groups,
    DateTimeOffset? At,
    [property: StringLength(128)] string? IdempotencyKey);

/// <summary>The answer to an accepted broadcast: 202 with its id.</summary>
public sealed record BroadcastAccepted(string Id);
