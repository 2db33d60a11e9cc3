using System.ComponentModel.DataAnnotations;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Staff;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Broadcasts;

/// <summary>
/// Staff groups and managers: the root sections <c>Groups</c> and <c>Managers</c> (DESIGN.md). Webhook keys are
/// secrets: keep them out of config/ and set them as <c>Groups__{index}__WebhookKey</c> in the environment.
/// </summary>
public sealed class StaffOptions
{
    /// <summary>The staff work groups and their robots.</summary>
    public IList<GroupOptions> Groups { get; init; } = [];

    /// <summary>Who may broadcast, and where.</summary>
    public IList<ManagerOptions> Managers { get; init; } = [];
}

/// <summary>One staff work group (<c>Groups:n</c>).</summary>
public sealed class GroupOptions
{
    /// <summary>A stable id, unique among groups (used by the API's <c>groups</c> and in reports).</summary>
    [Required]
    public string Id { get; set; } = "";

    /// <summary>The group's name as staff know it.</summary>
    [Required]
    public string Name { get; set; } = "";

    /// <summary>The city branch (one of the seventeen), or empty for a province-level group.</summary>
    public string? City { get; set; }

    /// <summary>The group robot's webhook key. Secret; required.</summary>
    [Required(ErrorMessage = "Groups: every group needs a WebhookKey.")]
    public string WebhookKey { get; set; } = "";

    /// <summary>The group's WeCom chat id (<c>wr…</c>), so that the 智能机器人 knows which group, and city, it is asked in. Optional; unique.</summary>
    [RegularExpression("^[A-Za-z0-9_@.-]{0,128}$", ErrorMessage = "Groups: a ChatId is up to 128 letters, digits or _@.-")]
    public string? ChatId { get; set; }

    /// <summary>The announcements this group receives (<c>daily-progress</c>).</summary>
    public IList<string> Announcements { get; init; } = [];
}

/// <summary>One manager (<c>Managers:n</c>).</summary>
public sealed class ManagerOptions
{
    /// <summary>The manager's WeCom UserID.</summary>
    [Required]
    public string UserId { get; set; } = "";

    /// <summary>The manager's name, for previews and the audit trail.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>province</c>, or the one city the manager may broadcast to.</summary>
    [Required]
    public string Scope { get; set; } = Manager.Province;
}

/// <summary>Checks what attributes cannot: unique ids, known cities and scopes, known announcements.</summary>
public sealed class StaffOptionsValidator : IValidateOptions<StaffOptions>
{
    public const string DailyProgress = "daily-progress";

    public ValidateOptionsResult Validate(string? name, StaffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.Groups.Count; i++)
        {
            var group = options.Groups[i];
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(group, new ValidationContext(group), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(result => $"Groups:{i}:{result.MemberNames.FirstOrDefault()}: {result.ErrorMessage}"));
            }

            if (!string.IsNullOrEmpty(group.City) && !Cities.IsCity(group.City))
            {
                failures.Add($"Groups:{i}:City: '{group.City}' is not one of the seventeen city branches.");
            }

            if (group.Announcements.FirstOrDefault(announcement => announcement != DailyProgress) is { } unknown)
            {
                failures.Add($"Groups:{i}:Announcements: unknown announcement '{unknown}' (known: {DailyProgress}).");
            }
        }

        if (options.Groups.GroupBy(group => group.Id).FirstOrDefault(ids => ids.Count() > 1) is { } duplicate)
        {
            failures.Add($"Groups: the id '{duplicate.Key}' is used twice.");
        }

        if (options.Groups.Where(group => !string.IsNullOrEmpty(group.ChatId)).GroupBy(group => group.ChatId)
                .FirstOrDefault(chats => chats.Count() > 1) is { } sharedChat)
        {
            failures.Add($"Groups: the ChatId '{sharedChat.Key}' is given to two groups.");
        }

        for (var i = 0; i < options.Managers.Count; i++)
        {
            var manager = options.Managers[i];
            if (string.IsNullOrWhiteSpace(manager.UserId))
            {
                failures.Add($"Managers:{i}:UserId is required.");
            }

            if (manager.Scope != Manager.Province && !Cities.IsCity(manager.Scope))
            {
                failures.Add($"Managers:{i}:Scope: '{manager.Scope}' must be 'province' or one of the seventeen cities.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
