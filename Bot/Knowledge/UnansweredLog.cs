using System.Threading.Channels;
using ChatPost.Bot.Dialogs.Features.Unanswered;

namespace ChatPost.Bot.Knowledge;

/// <summary>
/// The bot's <see cref="IUnansweredQuestions"/>: a turn hands its question to a bounded queue and goes on; this service
/// drains the queue in the background, adds up what repeats, and writes the counts to <see cref="IUnansweredStore"/>. The
/// list is a statistic, not a record anyone relies on: when the queue is full or the store cannot be written, those
/// questions are dropped (and logged as a count), never the turn slowed or failed.
/// </summary>
public sealed class UnansweredLog(IUnansweredStore store, ILogger<UnansweredLog> logger) : BackgroundService, IUnansweredQuestions
{
    /// <summary>How many questions may wait for the writer; more are dropped.</summary>
    public const int QueueLength = 10_000;

    private const int BatchSize = 500;

    private readonly Channel<UnansweredQuestion> _queue = Channel.CreateBounded<UnansweredQuestion>(
        new BoundedChannelOptions(QueueLength) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <inheritdoc/>
    public void Record(UnansweredQuestion question) => _queue.Writer.TryWrite(question);

    /// <summary>Writes whatever waits now (the service does it continuously; tests and shutdown call it to be sure).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (_queue.Reader.TryPeek(out _))
        {
            await WriteBatchAsync(cancellationToken);
        }
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteBatchAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task WriteBatchAsync(CancellationToken cancellationToken)
    {
        var batch = new Dictionary<(DateOnly, string), (UnansweredQuestion Last, long Count)>();
        var taken = 0;
        while (taken < BatchSize && _queue.Reader.TryRead(out var question))
        {
            taken++;
            var key = (question.Day, question.Question);
            batch[key] = (question, batch.TryGetValue(key, out var before) ? before.Count + 1 : 1);
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await store.AddAsync([.. batch.Values.Select(value => (value.Last, value.Count))], cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.UnansweredDropped(taken, exception);
        }
    }
}
