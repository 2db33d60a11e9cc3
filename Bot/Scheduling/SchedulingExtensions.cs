using ChatPost.Bot.Announcements;
using ChatPost.Bot.Broadcasts;
using ChatPost.Bot.Dialogs.Postal;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace ChatPost.Bot.Scheduling;

public static class SchedulingExtensions
{
    /// <summary>
    /// Quartz with its jobs (timed broadcasts, the daily progress announcement and its sender) registered explicitly:
    /// the in-memory store on one node, or the clustered ADO store on PostgreSQL (<c>Scheduler:Clustered</c>). The
    /// scheduler stops with the host and waits for running jobs, at most <see cref="SchedulerOptions.ShutdownWait"/>.
    /// </summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidator>();
        var options = builder.Configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new();
        var dailyProgress = builder.Configuration.GetSection(DailyProgressOptions.SectionName).Get<DailyProgressOptions>() ?? new();

        builder.Services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "ChatPost";
                scheduler.GenerateInstanceId = true;
            });
            quartz.AddJob<ScheduledBroadcastJob>(job => job.WithIdentity(BroadcastScheduler.JobKey).StoreDurably());
            quartz.AddJob<DailyProgressJob>(job => job.WithIdentity(DailyProgressJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .WithIdentity("daily-progress", "announcements")
                .ForJob(DailyProgressJob.Key)
                .WithCronSchedule(dailyProgress.Cron, cron => cron.InTimeZone(ChinaTime.Zone)
                    // Late but within the job's window (the process was restarting): fire once now; the job skips later ones.
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            if (options.Clustered && options.ConnectionString.Length > 0)
            {
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(NpgsqlFactory.Instance, options.ConnectionString);
                    store.UseClustering(_ => { });
                    // The first replica to start creates the tables; the others find them.
                    store.ProvisionSchema();
                    // Acquire triggers inside the cluster lock, so that two nodes never fire the same trigger.
                    store.ConfigureStore(ado =>
                    {
                        ado.AcquireTriggersWithinLock = true;
                        // Quartz waits this long after a failed pass before it tries its store again (default 15 s): after
                        // a PostgreSQL restart, triggers that fell due meanwhile then fire within seconds of its return.
                        ado.DbRetryInterval = TimeSpan.FromSeconds(2);
                    });
                });
            }
            else
            {
                quartz.UseInMemoryStore(_ => { });
            }
        });
        // Every job explicitly, so that ValidateOnBuild covers what they need.
        builder.Services.AddScoped<ScheduledBroadcastJob>();
        builder.Services.AddScoped<DailyProgressJob>();
        builder.Services.AddSingleton<DailyProgressSender>();
        // Whether today's announcement reached every group, for its alert (chatpost_announcement_groups).
        builder.Services.AddSingleton<DailyProgressDeliveryWatch>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<DailyProgressDeliveryWatch>());
        builder.Services.Configure<QuartzHostedServiceOptions>(hosted => hosted.WaitForJobsToComplete = true);
        builder.Services.AddHostedService(services => new SchedulerShutdown(ActivatorUtilities.CreateInstance<QuartzHostedService>(services),
            services.GetRequiredService<IOptions<SchedulerOptions>>()));
        builder.Services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler", tags: ["ready"]);
        return builder;
    }
}
