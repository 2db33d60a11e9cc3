using ChatPost.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ChatPost.Bot.Tests.Support;

/// <summary>Real metrics instruments for objects a test builds by hand (nothing listens to them).</summary>
public static class TestMetrics
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static ChatPostMetrics Create() => new(Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
}
