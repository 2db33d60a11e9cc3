using ChatPost.Bot.Channels;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatPost.Bot.Tests.Channels;

public class ReplyCollectorTests
{
    [Fact]
    public async Task Close_LateWhileTheLateWayIsSlow_ReturnsAtOnceAndSendsEverythingInTheOrderSaid()
    {
        var delivery = new SlowDelivery();
        var collector = new ReplyCollector(delivery, NullLogger.Instance);
        await collector.AddAsync(Text("one"), default);
        await collector.AddAsync(Text("two"), default);

        Assert.Null(collector.Close(onTime: false));
        // The turn goes on speaking while the first late send is still being written.
        var third = collector.AddAsync(Text("three"), default);
        var ended = collector.EndAsync();
        Assert.False(ended.IsCompleted);

        delivery.Release();
        await ended;
        await third;

        Assert.Equal(["one", "two", "three", "(end)"], delivery.Sent);
    }

    [Fact]
    public async Task Close_OnTime_AnswersTheFirstAndSendsTheRestLate()
    {
        var delivery = new SlowDelivery();
        delivery.Release();
        var collector = new ReplyCollector(delivery, NullLogger.Instance);
        await collector.AddAsync(Text("one"), default);
        await collector.AddAsync(Text("two"), default);
        await collector.EndAsync();

        Assert.Equal("one", collector.Close(onTime: true)?.Text);
        await collector.LateSends;

        Assert.Equal(["two"], delivery.Sent);
    }

    private static OutboundReply Text(string text) => OutboundReply.ForText(text);

    /// <summary>A late way whose writes wait until released, as an outbox write does while Redis fails over.</summary>
    private sealed class SlowDelivery : ITurnDelivery
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Sent { get; } = [];

        public void Release() => _released.SetResult();

        public (OutboundReply Passive, IReadOnlyList<OutboundReply> Late) SplitOnTime(IReadOnlyList<OutboundReply> said) => (said[0], [.. said.Skip(1)]);

        public async Task SendLateAsync(IReadOnlyList<OutboundReply> replies, CancellationToken cancellationToken)
        {
            await _released.Task;
            lock (Sent)
            {
                Sent.AddRange(replies.Select(reply => reply.Text!));
            }
        }

        public async Task EndLateAsync(CancellationToken cancellationToken)
        {
            await _released.Task;
            lock (Sent)
            {
                Sent.Add("(end)");
            }
        }
    }
}
