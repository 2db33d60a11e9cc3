namespace ChatPost.Bot.Dialogs.Staff;

/// <summary>What became of a <see cref="BroadcastRequest"/>: accepted (with its id and reach) or refused (with why).</summary>
public sealed record BroadcastSubmission(string? Id, IReadOnlyList<StaffGroupInfo> Groups, DateTimeOffset? At, string? Refusal, bool Duplicate = false)
{
    public bool Accepted => Refusal is null;

    public static BroadcastSubmission Refused(string reason) => new(null, [], null, reason);
}
