using ChatPost.Bot.Hosting;
using ChatPost.Bot.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ChatPost.Bot.Channels.WeCom.AiRobot;

public static class AiRobotExtensions
{
    /// <summary>
    /// The WeCom 智能机器人 channel: <see cref="AiRobotOptions"/> (section <c>WeCom:Robot</c>, validated at start), its
    /// streams on Redis when <c>Redis:Configuration</c> is set (in memory otherwise), the response_url client and the
    /// callback. Needs the turn pipeline of <c>AddWeChatChannels</c> and the staff bot of <c>AddDialogs</c>.
    /// </summary>
    public static IHostApplicationBuilder AddAiRobot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddChatPostMetrics();
        services.AddOptions<AiRobotOptions>().BindConfiguration(AiRobotOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AiRobotOptions>, AiRobotOptionsValidator>();
        services.AddSingleton<IValidateOptions<AiRobotOptions>, AiRobotOptionsRules>();
        if (builder.UsesRedis())
        {
            services.AddSingleton<IAiRobotStreams, RedisAiRobotStreams>();
        }
        else
        {
            services.AddSingleton<IAiRobotStreams, MemoryAiRobotStreams>();
        }

        services.AddHttpClient<AiRobotResponder>()
            .ConfigureForSingletons()
            // The URL carries a one-time response_code: no request logging for this client.
            .RemoveAllLoggers()
            .AddResilienceHandler("airobot-response", TimeRequestsOut);
        services.AddSingleton<AiRobotCallback>();
        return builder;
    }

    /// <summary><c>GET /wechat/work/robot</c> (URL verification) and <c>POST /wechat/work/robot</c> (callbacks).</summary>
    public static IEndpointRouteBuilder MapAiRobotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/wechat/work/robot", (HttpContext http, AiRobotCallback callback) => callback.VerifyUrl(http));
        endpoints.MapPost("/wechat/work/robot", (HttpContext http, AiRobotCallback callback,
                [FromKeyedServices(Dialogs.DialogsExtensions.StaffBotKey)] IBot bot) => callback.ReceiveAsync(http, bot, http.RequestAborted));
        return endpoints;
    }

    // Timed out, never retried: WeCom takes one call per response_url, and a retry after a lost answer would be refused.
    private static void TimeRequestsOut(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
        pipeline.AddTimeout(TimeSpan.FromSeconds(10));
    }
}
