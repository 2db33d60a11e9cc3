using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Tests.Announcements;

/// <summary>
/// In-memory <see cref="IProgressCounters"/>: counts per day, summed over the range asked for, every call recorded.
/// <see cref="Gate"/>, when set, holds every read until it completes; <see cref="Failure"/> makes reads throw.
/// </summary>
internal sealed class FakeProgressCounters : IProgressCounters
{
    private readonly Dictionary<DateOnly, List<ProgressCount>> _days = [];
    private readonly List<(DateOnly First, DateOnly Last)> _calls = [];

    public TaskCompletionSource? Gate { get; set; }

    public Exception? Failure { get; set; }

    public IReadOnlyList<(DateOnly First, DateOnly Last)> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public FakeProgressCounters Add(DateOnly day, string city, Business business, ShipmentStatus status, long count)
    {
        if (!_days.TryGetValue(day, out var rows))
        {
            _days[day] = rows = [];
        }

        rows.Add(new ProgressCount(city, business, status, count));
        return this;
    }

    public async Task<IReadOnlyList<ProgressCount>> GetAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        lock (_calls)
        {
            _calls.Add((firstDay, lastDay));
        }

        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (Failure is { } failure)
        {
            throw failure;
        }

        return [.. _days.Where(day => day.Key >= firstDay && day.Key <= lastDay)
            .SelectMany(day => day.Value)
            .GroupBy(row => (row.City, row.Business, row.Status))
            .Select(group => new ProgressCount(group.Key.City, group.Key.Business, group.Key.Status, group.Sum(row => row.Count)))];
    }
}
