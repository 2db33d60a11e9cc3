using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using ChatPost.Bench.Announcements;
using ChatPost.Bot.Announcements;
using ChatPost.Bot.Dialogs.Postal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// How long composing the daily progress announcement takes over counters that stand for N ingested events,
// with and without the charts, and whether rendering charts leaks native memory. See README.md.
var settings = BenchSettings.FromArgs(args);
var campaignStart = new DateOnly(2020, 1, 27);
var reportDay = campaignStart.AddDays(settings.Days - 1);
var counters = new SimulatedCounters(campaignStart, settings.Days, settings.Events);
var options = new DailyProgressOptions { CampaignStart = campaignStart, Baselines = [.. Baselines()] };
if (!ChartFonts.CanDrawChinese(options.ChartFont))
{
    Console.Error.WriteLine($"No CJK font '{options.ChartFont}': apt-get install {ChartFontCheck.FontPackage}");
    return 1;
}

var reader = new DailyProgressFiguresReader(counters, Options.Create(options));
var renderer = new ProgressChartRenderer(Options.Create(options));
var figures = await reader.ReadAsync(reportDay, CancellationToken.None);
var sample = DailyProgressComposer.Compose(figures, "襄阳");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{counters.Events:N0} events over {settings.Days} days from {campaignStart:yyyy-MM-dd}; report day {reportDay:yyyy-MM-dd}; " +
    $"{figures.ProvinceTotal.CumulativeDelivered:N0} delivered so far, {figures.ProvinceTotal.Delivered:N0} on the day"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"markdown {Encoding.UTF8.GetByteCount(sample.Content)} bytes ({sample.Detail}); " +
    $"charts {string.Join(", ", renderer.RenderAll(figures).Select(chart => $"{chart.Png.Length / 1024.0:0} KB"))}"));
Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, server GC {GCSettings.IsServerGC}, {(Debugger.IsAttached ? "debugger" : "no debugger")}");
Console.WriteLine();

var (warmup, runs) = (settings.Warmup, settings.Runs);
await Timing.MeasureAsync("figures: 3 counter reads + calculation", warmup, runs, () => reader.ReadAsync(reportDay, CancellationToken.None));
await Timing.MeasureAsync("markdown: compose with a city line", warmup, runs, () => Task.FromResult(DailyProgressComposer.Compose(figures, "襄阳")));
var withoutCharts = await Timing.MeasureAsync("figures + markdown (charts excluded)", warmup, runs, async () =>
    DailyProgressComposer.Compose(await reader.ReadAsync(reportDay, CancellationToken.None), "襄阳"));
await Timing.MeasureAsync("charts: 5 PNGs, 800x450", 1, settings.ChartRuns, () => Task.FromResult(renderer.RenderAll(figures)));
var uncached = Announcement(new DailyProgressOptions { CampaignStart = campaignStart, Baselines = options.Baselines, CacheDuration = TimeSpan.Zero });
var withCharts = await Timing.MeasureAsync("ComposeAsync uncached: figures + markdown + 5 charts", 1, settings.ChartRuns, () =>
    uncached.ComposeAsync(reportDay, "襄阳", CancellationToken.None));
var cached = Announcement(new DailyProgressOptions { CampaignStart = campaignStart, Baselines = options.Baselines });
var city = 0;
await Timing.MeasureAsync("ComposeAsync cached: one more group's text", warmup, runs, () =>
    cached.ComposeAsync(reportDay, Cities.All[city++ % Cities.All.Count], CancellationToken.None));

Console.WriteLine();
Console.WriteLine($"target 100 ms: charts excluded {Verdict(withoutCharts)}, charts included {Verdict(withCharts)}");
MeasureChartMemory(renderer, figures, settings.MemoryRenders);
return 0;

DailyProgressAnnouncement Announcement(DailyProgressOptions settings) => new(
    new DailyProgressFiguresReader(counters, Options.Create(settings)),
    new ProgressChartRenderer(Options.Create(settings)),
    Options.Create(settings),
    TimeProvider.System,
    NullLogger<DailyProgressAnnouncement>.Instance);

static string Verdict(double milliseconds) => string.Create(CultureInfo.InvariantCulture, $"{milliseconds:0.0} ms ({(milliseconds <= 100 ? "met" : "MISSED")})");

static IEnumerable<DailyProgressBaseline> Baselines() =>
    Cities.All.SelectMany(city => Enum.GetValues<Business>().Select(business =>
        new DailyProgressBaseline { City = city, Business = PostalNames.ToWire(business), DeliveredPerDay = 100 }));

// Native memory (Skia surfaces, images, paints) does not show in the managed heap: watch the resident set while
// rendering many charts. A leak grows it steadily; a healthy renderer levels off after the first few hundred.
static void MeasureChartMemory(ProgressChartRenderer renderer, DailyProgressFigures figures, int renders)
{
    var resident = new List<long>();
    for (var round = 0; round <= 4; round++)
    {
        for (var i = 0; round > 0 && i < renders; i++)
        {
            renderer.RenderAll(figures);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        resident.Add(process.WorkingSet64);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"resident set after 0, {renders}, {2 * renders}, {3 * renders}, {4 * renders} x 5 charts: " +
        $"{string.Join(" / ", resident.Select(bytes => $"{bytes / 1048576.0:0.0}"))} MB; managed heap {GC.GetTotalMemory(true) / 1048576.0:0.0} MB"));
}
