using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Demo;

public static class DemoExtensions
{
    /// <summary>
    /// The embedded default's demo: in Development without Redis, load <see cref="DemoRecords"/> at start
    /// (set <c>Demo:Seed</c> to false to start empty).
    /// </summary>
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Environment.IsDevelopment() && !builder.UsesRedis() && builder.Configuration.GetValue("Demo:Seed", true))
        {
            builder.Services.AddHostedService<DemoSeeder>();
        }

        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddSingleton<DemoGroupAsk>();
        }

        return builder;
    }
}
