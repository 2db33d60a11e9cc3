using ChatPost.Bot.Announcements;
using ChatPost.Bot.Dialogs.Postal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Tests.Announcements;

public class DailyProgressExtensionsTests
{
    [Fact]
    public async Task AddDailyProgress_CalledTwiceOnAValidatedHost_ResolvesOneAnnouncementAndComposes()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        builder.Services.AddSingleton<IProgressCounters>(new FakeProgressCounters());

        builder.AddDailyProgress().AddDailyProgress();
        using var host = builder.Build();
        await host.StartAsync();

        Assert.Same(host.Services.GetRequiredService<DailyProgressAnnouncement>(), host.Services.GetRequiredService<DailyProgressAnnouncement>());
        Assert.Equal(3, host.Services.GetServices<IValidateOptions<DailyProgressOptions>>().Count());
        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), service => service.GetType().Namespace == typeof(DailyProgressOptions).Namespace);
        var announcement = await host.Services.GetRequiredService<DailyProgressAnnouncement>()
            .ComposeAsync(ProgressFixtures.ReportDay, "襄阳", CancellationToken.None);
        Assert.Equal(5, announcement.Charts.Count);
        await host.StopAsync();
    }
}
