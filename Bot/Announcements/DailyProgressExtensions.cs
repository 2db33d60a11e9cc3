using ChatPost.Bot.Dialogs.Features.StaffProgress;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Announcements;

public static class DailyProgressExtensions
{
    /// <summary>
    /// The daily progress announcement's composition: <see cref="DailyProgressOptions"/> (section
    /// <c>Announcements:DailyProgress</c>, validated at start, including the chart font when charts are on) and
    /// singletons <see cref="DailyProgressFiguresReader"/>, <see cref="ProgressChartRenderer"/> and
    /// <see cref="DailyProgressAnnouncement"/>. No schedule and no sending: the caller owns those. Needs an
    /// <see cref="Dialogs.Postal.IProgressCounters"/> registered elsewhere (ingestion) and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IHostApplicationBuilder AddDailyProgress(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DailyProgressOptions>()
            // Unknown keys fail too: a misspelt "Baseline" or "Chart" would otherwise be silently ignored.
            .BindConfiguration(DailyProgressOptions.SectionName, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DailyProgressOptions>, DailyProgressOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DailyProgressOptions>, DailyProgressOptionsRules>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DailyProgressOptions>, ChartFontCheck>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DailyProgressFiguresReader>();
        services.TryAddSingleton<ProgressChartRenderer>();
        services.TryAddSingleton<DailyProgressAnnouncement>();
        services.TryAddSingleton<IProgressFigures, StaffProgressFigures>();
        services.TryAddSingleton<IDailyAnnouncement, StaffAnnouncementView>();
        return builder;
    }
}
