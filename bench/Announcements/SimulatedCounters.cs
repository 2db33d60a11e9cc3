using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bench.Announcements;

/// <summary>
/// Progress counters as ingestion would leave them after <c>events</c> scans spread over <c>days</c> days from the
/// campaign start: per day × city × business × status, weighted like the province (Wuhan a third, Shennongjia a
/// sliver; licences and invoices the bulk; four scans per shipment, a few returns and exceptions). The counters
/// are aggregates, so ten million events are in the numbers, not in rows: a range read sums at most
/// days × 17 × 5 × 6 rows, as the Redis store's range read does.
/// </summary>
internal sealed class SimulatedCounters : IProgressCounters
{
    private static readonly double[] CityWeights = [30, 4, 5, 7, 8, 2, 4, 6, 7, 7, 3, 3, 4, 2, 2, 2, 0.3];
    private static readonly double[] BusinessWeights = [30, 25, 25, 15, 5];
    private static readonly double[] StatusWeights = [25, 25, 24, 24, 1, 1];

    private readonly DateOnly _firstDay;
    private readonly long[][] _days; // [day][city * 30 + business * 6 + status]

    public SimulatedCounters(DateOnly firstDay, int days, long events, int seed = 2020)
    {
        _firstDay = firstDay;
        var random = new Random(seed);
        var cells = Cities.All.Count * BusinessWeights.Length * StatusWeights.Length;
        var weights = new double[cells];
        for (var c = 0; c < Cities.All.Count; c++)
        {
            for (var b = 0; b < BusinessWeights.Length; b++)
            {
                for (var s = 0; s < StatusWeights.Length; s++)
                {
                    weights[Index(c, b, s)] = CityWeights[c] * BusinessWeights[b] * StatusWeights[s];
                }
            }
        }

        // The campaign ramps up over its first fortnight, then varies ±20% from day to day.
        var dayWeights = Enumerable.Range(0, days).Select(d => Math.Min(1.0, (d + 1) / 14.0) * (0.8 + 0.4 * random.NextDouble())).ToArray();
        var total = weights.Sum() * dayWeights.Sum();
        _days = new long[days][];
        for (var d = 0; d < days; d++)
        {
            _days[d] = new long[cells];
            for (var i = 0; i < cells; i++)
            {
                _days[d][i] = (long)Math.Round(weights[i] * dayWeights[d] / total * events);
            }
        }

        Events = _days.Sum(day => day.Sum());
    }

    /// <summary>The scans these counters stand for (close to the number asked for).</summary>
    public long Events { get; }

    public Task<IReadOnlyList<ProgressCount>> GetAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var sums = new long[Cities.All.Count * BusinessWeights.Length * StatusWeights.Length];
        for (var day = Max(firstDay, _firstDay); day <= lastDay && day.DayNumber - _firstDay.DayNumber < _days.Length; day = day.AddDays(1))
        {
            var counts = _days[day.DayNumber - _firstDay.DayNumber];
            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] += counts[i];
            }
        }

        List<ProgressCount> rows = [];
        for (var c = 0; c < Cities.All.Count; c++)
        {
            for (var b = 0; b < BusinessWeights.Length; b++)
            {
                for (var s = 0; s < StatusWeights.Length; s++)
                {
                    if (sums[Index(c, b, s)] > 0)
                    {
                        rows.Add(new ProgressCount(Cities.All[c], (Business)b, (ShipmentStatus)s, sums[Index(c, b, s)]));
                    }
                }
            }
        }

        return Task.FromResult<IReadOnlyList<ProgressCount>>(rows);
    }

    private static int Index(int city, int business, int status) => (city * BusinessWeights.Length + business) * StatusWeights.Length + status;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
