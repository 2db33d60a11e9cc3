namespace ChatPost.Bot.Admin;

/// <summary>The admin API. Section <c>Admin</c>.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>The bearer key of the admin API. Secret. Empty (the default): the admin API answers 404.</summary>
    public string ApiKey { get; set; } = "";
}
