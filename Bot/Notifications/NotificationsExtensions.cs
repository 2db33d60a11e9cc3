using ChatPost.Bot.Channels;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Hosting;
using ChatPost.Bot.Ingestion;
using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Notifications;

public static class NotificationsExtensions
{
    /// <summary>
    /// Citizens' watches and their notifications: <see cref="NotificationOptions"/> (section <c>Notifications</c>, validated at
    /// start), the <see cref="IItemWatches"/> the dialogs use, kept in Redis when <c>Redis:Configuration</c> is set (call
    /// <c>AddStorage</c> first), otherwise in this process, and the <see cref="INoticeDelivery"/> through which the late-reply
    /// outbox sends them.
    /// </summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddChatPostMetrics();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        if (builder.UsesRedis())
        {
            services.AddSingleton<IWatchRecords, RedisWatchRecords>();
        }
        else
        {
            services.AddSingleton<MemoryWatchRecords>();
            services.AddSingleton<IWatchRecords>(provider => provider.GetRequiredService<MemoryWatchRecords>());
            services.AddSingleton<IUserMessageStamp>(provider => provider.GetRequiredService<MemoryWatchRecords>());
            services.AddSingleton<IWatcherIndex>(provider => provider.GetRequiredService<MemoryWatchRecords>());
        }

        services.AddSingleton<WatchStore>();
        services.AddSingleton<IItemWatches>(provider => provider.GetRequiredService<WatchStore>());
        services.AddSingleton<INoticeDelivery, NotificationSender>();
        return builder;
    }
}
