using ChatPost.Bot.Announcements;
using ChatPost.Bot.Dialogs.Postal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Tests.Announcements;

public class DailyProgressOptionsTests
{
    private const string Section = "Announcements:DailyProgress:";

    [Fact]
    public async Task Start_NoSettings_DefaultsOfTheContract()
    {
        using var host = CreateHost([]);

        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<DailyProgressOptions>>().Value;
        Assert.Equal("0 30 8 * * ?", options.Cron);
        Assert.Equal(new DateOnly(2020, 1, 27), options.CampaignStart);
        Assert.Equal(DailyProgressReportDay.Yesterday, options.ReportDay);
        Assert.Empty(options.Baselines);
        Assert.True(options.Charts);
        Assert.Equal("WenQuanYi Micro Hei", options.ChartFont);
        Assert.Equal(TimeSpan.FromMinutes(5), options.CacheDuration);
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_ShippedAppsettings_ValidAndTheContractDefaults()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "config", "appsettings.json"), optional: false);
        builder.Services.AddSingleton<IProgressCounters>(new FakeProgressCounters());
        builder.AddDailyProgress();
        using var host = builder.Build();

        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<DailyProgressOptions>>().Value;
        Assert.Equal(("0 30 8 * * ?", new DateOnly(2020, 1, 27)), (options.Cron, options.CampaignStart));
        Assert.Empty(options.Baselines);
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_EverySetting_Bound()
    {
        using var host = CreateHost(new()
        {
            [Section + "Cron"] = "0 0 9 ? * MON-FRI",
            [Section + "CampaignStart"] = "2020-02-01",
            [Section + "ReportDay"] = "Today",
            [Section + "Baselines:0:City"] = "襄阳",
            [Section + "Baselines:0:Business"] = "study-material",
            [Section + "Baselines:0:DeliveredPerDay"] = "12.5",
            [Section + "Charts"] = "false",
            [Section + "CacheDuration"] = "00:00:00",
        });

        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<DailyProgressOptions>>().Value;
        Assert.Equal(
            ("0 0 9 ? * MON-FRI", new DateOnly(2020, 2, 1), DailyProgressReportDay.Today, false, TimeSpan.Zero),
            (options.Cron, options.CampaignStart, options.ReportDay, options.Charts, options.CacheDuration));
        var baseline = Assert.Single(options.Baselines);
        Assert.Equal(("襄阳", "study-material", 12.5), (baseline.City, baseline.Business, baseline.DeliveredPerDay));
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Cron", "0 30 25 * * ?", "Cron")]
    [InlineData("Cron", "0 30 8 * *", "Cron")]
    [InlineData("Cron", "every morning", "Cron")]
    [InlineData("Cron", "", "Cron")]
    [InlineData("CampaignStart", "1999-12-31", "CampaignStart")]
    [InlineData("ReportDay", "7", "ReportDay")]
    [InlineData("CacheDuration", "01:00:01", "CacheDuration")]
    [InlineData("CacheDuration", "-00:00:01", "CacheDuration")]
    [InlineData("Baselines:0:City", "北京", "Baselines:0:City")]
    [InlineData("Baselines:0:City", "襄阳市", "Baselines:0:City")]
    [InlineData("Baselines:0:Business", "licence", "Baselines:0:Business")]
    [InlineData("Baselines:0:Business", "License", "Baselines:0:Business")]
    [InlineData("Baselines:0:DeliveredPerDay", "0", "Baselines:0:DeliveredPerDay")]
    [InlineData("Baselines:0:DeliveredPerDay", "-3", "Baselines:0:DeliveredPerDay")]
    [InlineData("Baselines:1:City", "襄阳", "Baselines:1 repeats")]
    [InlineData("ChartFont", "", "ChartFont")]
    public async Task Start_InvalidSetting_FailsNamingTheKey(string key, string value, string named)
    {
        using var host = CreateHost(new()
        {
            [Section + "Baselines:0:City"] = "襄阳",
            [Section + "Baselines:0:Business"] = "license",
            [Section + "Baselines:0:DeliveredPerDay"] = "100",
            [Section + "Baselines:1:Business"] = "license",
            [Section + "Baselines:1:DeliveredPerDay"] = "100",
            [Section + "Baselines:1:City"] = "武汉",
            [Section + key] = value,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(Section + named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CampaignStart", "2020-02-30")]
    [InlineData("ReportDay", "Tomorrow")]
    [InlineData("Charts", "sometimes")]
    public async Task Start_UnconvertibleSetting_FailsNamingTheKey(string key, string value)
    {
        using var host = CreateHost(new() { [Section + key] = value });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains(Section + key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MisspeltKey_FailsNamingIt()
    {
        using var host = CreateHost(new() { [Section + "Baseline:0:City"] = "襄阳" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("'Baseline'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 30 8 * * ?")]
    [InlineData("0 0 9 ? * MON-FRI")]
    [InlineData("0 0/30 8-18 * * ?")]
    [InlineData("0 30 8 L * ?")]
    public void Validate_ValidCron_Succeeds(string cron)
    {
        var sut = new DailyProgressOptionsRules();

        var result = sut.Validate(null, new DailyProgressOptions { Cron = cron });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_SeveralBadBaselines_ReportsEveryFailure()
    {
        var sut = new DailyProgressOptionsRules();
        var options = new DailyProgressOptions
        {
            Baselines = [new() { City = "北京", Business = "parcel", DeliveredPerDay = double.NaN }],
        };

        var result = sut.Validate(null, options);

        Assert.Equal(3, result.Failures!.Count()); // failed: Failures is set
    }

    [Fact]
    public void Validate_ChartsOnWithAMissingFont_FailsNamingThePackageToInstall()
    {
        var sut = new ChartFontCheck();

        var result = sut.Validate(null, new DailyProgressOptions { ChartFont = "No Such Font ChatPost" });

        Assert.True(result.Failed);
        Assert.Contains("fonts-wqy-microhei", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(Section + "Charts", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.FailureMessage);
    }

    [Theory]
    [InlineData(false, "No Such Font ChatPost")] // charts off: the font does not matter
    [InlineData(true, "WenQuanYi Micro Hei")]   // installed on every machine that runs the tests (fonts-wqy-microhei)
    public void Validate_ChartsOffOrFontInstalled_Succeeds(bool charts, string font)
    {
        var sut = new ChartFontCheck();

        var result = sut.Validate(null, new DailyProgressOptions { Charts = charts, ChartFont = font });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public async Task Start_ChartsOnWithAMissingFont_RefusesToStart()
    {
        using var host = CreateHost(new() { [Section + "ChartFont"] = "No Such Font ChatPost" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("apt-get install fonts-wqy-microhei", error.Message, StringComparison.Ordinal);
    }

    private static IHost CreateHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        builder.Services.AddSingleton<IProgressCounters>(new FakeProgressCounters());
        builder.AddDailyProgress();
        return builder.Build();
    }
}
