using ChatPost.Bot.Dialogs.Postal;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatPost.Bot.Announcements;

/// <summary>
/// Rules of <see cref="DailyProgressOptions"/> that attributes cannot express: the cron expression, the campaign
/// start, the cache duration and each baseline. Every failure names its configuration key, baselines by index. Quartz 4.7 has no
/// <c>CronExpression.IsValidExpression</c> any more: <c>CronExpression.TryParse</c> is its replacement.
/// </summary>
public sealed class DailyProgressOptionsRules : IValidateOptions<DailyProgressOptions>
{
    /// <summary>The earliest accepted <see cref="DailyProgressOptions.CampaignStart"/>: guards against an unset or mistyped year.</summary>
    public static readonly DateOnly EarliestCampaignStart = new(2000, 1, 1);

    private const string Section = DailyProgressOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, DailyProgressOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        if (!string.IsNullOrWhiteSpace(options.Cron) && !CronExpression.TryParse(options.Cron, out _))
        {
            failures.Add($"{Section}:Cron '{options.Cron}' is not a valid Quartz cron expression (seconds first, for example '0 30 8 * * ?').");
        }

        if (options.CampaignStart < EarliestCampaignStart)
        {
            failures.Add($"{Section}:CampaignStart {options.CampaignStart:yyyy-MM-dd} is before {EarliestCampaignStart:yyyy-MM-dd}.");
        }

        // Here rather than a [Range]: the source-generated validator drops a TimeSpan range's own message.
        if (options.CacheDuration < TimeSpan.Zero || options.CacheDuration > DailyProgressOptions.MaxCacheDuration)
        {
            failures.Add($"{Section}:CacheDuration {options.CacheDuration} must be between 00:00:00 and {DailyProgressOptions.MaxCacheDuration}.");
        }

        HashSet<(string, Business)> seen = [];
        for (var i = 0; i < options.Baselines.Count; i++)
        {
            var baseline = options.Baselines[i];
            var key = $"{Section}:Baselines:{i}";
            var cityKnown = Cities.IsCity(baseline.City);
            var businessKnown = PostalNames.TryParse(baseline.Business, out Business business);
            if (!cityKnown)
            {
                failures.Add($"{key}:City '{baseline.City}' is not one of the seventeen cities ({string.Join(' ', Cities.All)}).");
            }

            if (!businessKnown)
            {
                failures.Add($"{key}:Business '{baseline.Business}' is not a business wire name (license, invoice, textbook, study-material, other).");
            }

            if (!double.IsFinite(baseline.DeliveredPerDay) || baseline.DeliveredPerDay <= 0)
            {
                failures.Add($"{key}:DeliveredPerDay must be greater than 0.");
            }

            if (cityKnown && businessKnown && !seen.Add((baseline.City, business)))
            {
                failures.Add($"{key} repeats the baseline of {baseline.City} {baseline.Business}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
