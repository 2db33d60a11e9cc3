using System.ComponentModel.DataAnnotations;

namespace ChatPost.Bot.Announcements;

/// <summary>The daily progress announcement (每日通报) to staff groups. Section <c>Announcements:DailyProgress</c>.</summary>
public sealed class DailyProgressOptions
{
    public const string SectionName = "Announcements:DailyProgress";

    /// <summary>
    /// When the announcement goes out: a Quartz cron expression (seconds first) read in Asia/Shanghai.
    /// Default <c>0 30 8 * * ?</c> (08:30 every day). Must parse with Quartz's <c>CronExpression.TryParse</c>.
    /// </summary>
    [Required(ErrorMessage = "Announcements:DailyProgress:Cron is required.")]
    public string Cron { get; set; } = "0 30 8 * * ?";

    /// <summary>
    /// The first day of the campaign (the lockdown's start): cumulative figures count from this day through the
    /// report day, both inclusive. Default 2020-01-27; from 2000-01-01 on. A report day before it is refused.
    /// </summary>
    public DateOnly CampaignStart { get; set; } = new(2020, 1, 27);

    /// <summary>
    /// Which day an announcement reports, relative to the day (in China) it is sent:
    /// <see cref="DailyProgressReportDay.Yesterday"/> (the default: an 08:30 announcement reports the previous
    /// full day) or <see cref="DailyProgressReportDay.Today"/> (the day so far).
    /// </summary>
    [EnumDataType(typeof(DailyProgressReportDay), ErrorMessage = "Announcements:DailyProgress:ReportDay must be Yesterday or Today.")]
    public DailyProgressReportDay ReportDay { get; set; } = DailyProgressReportDay.Yesterday;

    /// <summary>
    /// Last year's average deliveries per day, per city and business line, for the year-over-year change (同比).
    /// Default empty: no year-over-year figures. A city and line without a baseline shows none; sums (province,
    /// city totals) compare only the parts that have one. At most one entry per city and line.
    /// </summary>
    public List<DailyProgressBaseline> Baselines { get; set; } = [];

    /// <summary>
    /// Whether the announcement carries bar charts (one PNG per business line). Default true. When true, the
    /// <see cref="ChartFont"/> must be installed: the service refuses to start otherwise.
    /// </summary>
    public bool Charts { get; set; } = true;

    /// <summary>
    /// The font family of the charts' Chinese labels, by name. Default <c>WenQuanYi Micro Hei</c> (Debian package
    /// <c>fonts-wqy-microhei</c>); any installed family that has CJK glyphs will do.
    /// </summary>
    [Required(ErrorMessage = "Announcements:DailyProgress:ChartFont is required.")]
    public string ChartFont { get; set; } = "WenQuanYi Micro Hei";

    /// <summary>
    /// How long the figures and charts of one report day are reused, so that hundreds of groups announced at once
    /// do not recompute them. Default 5 minutes; 0 (no reuse) to 1 hour.
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest accepted <see cref="CacheDuration"/>: figures older than that would mislead a late group.</summary>
    public static readonly TimeSpan MaxCacheDuration = TimeSpan.FromHours(1);
}
