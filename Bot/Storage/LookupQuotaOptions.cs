using System.ComponentModel.DataAnnotations;

namespace ChatPost.Bot.Storage;

/// <summary>How many record lookups one user may make. Section <c>LookupQuota</c>.</summary>
public sealed class LookupQuotaOptions
{
    public const string SectionName = "LookupQuota";

    /// <summary>Lookups per user per minute (a fixed one-minute window). Default 20; 1 to 10000.</summary>
    [Range(1, 10_000)]
    public int PerMinute { get; set; } = 20;
}
