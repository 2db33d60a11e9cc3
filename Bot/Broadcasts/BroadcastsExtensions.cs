using ChatPost.Bot.Audit;
using ChatPost.Bot.Hosting;
using ChatPost.Bot.Dialogs.Staff;
using ChatPost.Bot.Storage;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Broadcasts;

public static class BroadcastsExtensions
{
    /// <summary>
    /// Staff groups and managers (root sections <c>Groups</c>, <c>Managers</c>), durable broadcasts (Redis stream,
    /// or in memory in the embedded mode), their delivery worker, schedule and reports.
    /// </summary>
    public static IHostApplicationBuilder AddBroadcasts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddChatPostMetrics();
        builder.AddAudit();
        var services = builder.Services;
        services.AddOptions<StaffOptions>().Bind(builder.Configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StaffOptions>, StaffOptionsValidator>();
        services.AddOptions<BroadcastOptions>().BindConfiguration(BroadcastOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<StaffDirectory>();
        services.AddSingleton<IStaffDirectory>(provider => provider.GetRequiredService<StaffDirectory>());
        if (builder.UsesRedis())
        {
            services.AddSingleton<IBroadcastStore, RedisBroadcastStore>();
        }
        else
        {
            services.AddSingleton<IBroadcastStore, MemoryBroadcastStore>();
        }

        services.AddSingleton<BroadcastScheduler>();
        services.AddSingleton<BroadcastService>();
        services.AddSingleton<IBroadcastRequests>(provider => provider.GetRequiredService<BroadcastService>());
        services.AddSingleton<BroadcastCompletion>();
        services.AddHostedService<BroadcastDeliveryWorker>();
        services.AddHostedService<BroadcastScheduleRestorer>();
        return builder;
    }
}
