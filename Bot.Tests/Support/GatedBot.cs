using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// A bot whose turns wait for the test to open a gate, count themselves, and answer "reply #n" (and, if asked,
/// a second message): for tests of delivery, not of the conversation.
/// </summary>
public sealed class GatedBot(bool secondReply = false) : IBot
{
    private int _turns;
    private int _running;
    private int _mostRunning;

    public int Turns => Volatile.Read(ref _turns);

    /// <summary>The most turns that ever ran at the same time.</summary>
    public int MostConcurrentTurns => Volatile.Read(ref _mostRunning);

    /// <summary>Open by default; replace it with an unset one to hold turns.</summary>
    public TaskCompletionSource Gate { get; set; } = Open();

    /// <summary>Completed when the first turn starts.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var turn = Interlocked.Increment(ref _turns);
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _mostRunning, running);
        Started.TrySetResult();
        await Gate.Task;
        Interlocked.Decrement(ref _running);
        await turnContext.SendActivityAsync(MessageFactory.Text($"reply #{turn}"), cancellationToken);
        if (secondReply)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text($"second reply #{turn}"), cancellationToken);
        }
    }

    private static void InterlockedMax(ref int location, int value)
    {
        int current;
        while ((current = Volatile.Read(ref location)) < value && Interlocked.CompareExchange(ref location, value, current) != current)
        {
        }
    }

    public static TaskCompletionSource Closed() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TaskCompletionSource Open()
    {
        var gate = Closed();
        gate.SetResult();
        return gate;
    }
}
