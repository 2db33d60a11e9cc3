using ChatPost.Bot.Hosting;
using ChatPost.Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ChatPost.Bot.Channels.WeCom.GroupRobot;

public static class GroupRobotExtensions
{
    /// <summary>
    /// The WeCom group-robot client: <see cref="GroupRobotOptions"/> from section <c>WeCom</c>, validated at start;
    /// <see cref="IRobotRateLimiter"/> on Redis when <c>Redis:Configuration</c> is set (call
    /// <c>AddStorage</c> too), in memory otherwise; and <see cref="IGroupRobotClient"/> as a typed HTTP client
    /// whose resilience handler only times requests out, because the client owns its retries.
    /// </summary>
    public static IHostApplicationBuilder AddGroupRobot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddChatPostMetrics();
        var services = builder.Services;
        services.AddOptions<GroupRobotOptions>().BindConfiguration(GroupRobotOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GroupRobotOptions>, GroupRobotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        builder.AddRobotRateLimiter();

        services.AddHttpClient<IGroupRobotClient, GroupRobotClient>()
            .ConfigureForSingletons()
            // The key travels in the query string: no request logging for this client, whatever redaction does.
            .RemoveAllLoggers()
            .AddResilienceHandler("group-robot", TimeRequestsOut);
        return builder;
    }

    private static void TimeRequestsOut(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var services = context.ServiceProvider;
        pipeline.TimeProvider = services.GetRequiredService<TimeProvider>();
        pipeline.AddTimeout(services.GetRequiredService<IOptions<GroupRobotOptions>>().Value.RobotRequestTimeout);
    }
}
