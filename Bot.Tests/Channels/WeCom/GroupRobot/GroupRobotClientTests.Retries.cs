using ChatPost.Bot.Channels.WeCom.GroupRobot;
using ChatPost.Bot.Tests.Support;

namespace ChatPost.Bot.Tests.Channels.WeCom.GroupRobot;

public sealed partial class GroupRobotClientTests
{
    [Fact]
    public async Task SendAsync_ServerErrorThenSuccess_SentAfterOneRetry2SecondsLater()
    {
        _webhook.FailNext(FakeWebhook.Fault.ServerError);
        var sut = CreateSut();
        var start = _time.GetUtcNow();

        var result = await _time.RunAsync(sut.SendAsync(KeyA, new RobotMessage.Text("通报"), default));

        Assert.Equal(new RobotSendResult(true, 1, 1, null, null, false, false), result);
        Assert.Equal([TimeSpan.FromSeconds(2)], _time.Waited);
        Assert.Equal(2, _webhook.RequestsFor(KeyA));
        Assert.Equal(start + TimeSpan.FromSeconds(2), Assert.Single(_webhook.MessagesFor(KeyA)).ArrivedAt);
    }

    [Fact]
    public async Task SendAsync_ServerErrorsThroughout_GivesUpAfterThreeRetriesWithBackoffAsTransient()
    {
        _webhook.FailNext(FakeWebhook.Fault.ServerError, FakeWebhook.Fault.ServerError, FakeWebhook.Fault.ServerError, FakeWebhook.Fault.ServerError);
        var sut = CreateSut();

        var result = await _time.RunAsync(sut.SendAsync(KeyA, new RobotMessage.Text("通报"), default));

        Assert.Equal(new RobotSendResult(false, 0, 1, null, "HTTP 500", false, false), result);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], _time.Waited);
        Assert.Equal(4, _webhook.RequestsFor(KeyA));
    }

    [Fact]
    public async Task SendAsync_Throttled45009_WaitsUntilTheLimiterAdmitsAgainThenRetries()
    {
        _webhook.FailNext(FakeWebhook.Fault.Throttled);
        var sut = CreateSut();
        var start = _time.GetUtcNow();

        var result = await _time.RunAsync(sut.SendAsync(KeyA, new RobotMessage.Text("通报"), default));

        Assert.True(result.Sent);
        // The backoff first, then the rest of the minute that the 45009 filled for every replica.
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(59)], _time.Waited);
        Assert.Equal(start + TimeSpan.FromSeconds(61), Assert.Single(_webhook.MessagesFor(KeyA)).ArrivedAt);
    }

    [Fact]
    public async Task SendAsync_InvalidKey93000_PermanentReportedAndNotRetried()
    {
        _webhook.RejectKey(KeyA);
        var sut = CreateSut();

        var result = await sut.SendAsync(KeyA, new RobotMessage.Text("通报"), default);

        Assert.Equal(new RobotSendResult(false, 0, 1, 93000, "errcode 93000: invalid webhook url, hint: [fake]", true, false), result);
        Assert.Equal(1, _webhook.RequestsFor(KeyA));
        Assert.Empty(_time.Waited);
    }

    [Theory]
    [InlineData(40058, true)]
    [InlineData(45002, true)]
    [InlineData(-1, false)]
    public async Task SendAsync_OtherErrcode_PermanentUnlessSystemBusy(int errorCode, bool permanent)
    {
        _webhook.FailNext(new FakeWebhook.Fault(ErrorCode: errorCode));
        var sut = CreateSut();

        var result = await _time.RunAsync(sut.SendAsync(KeyA, new RobotMessage.Text("通报"), default));

        Assert.Equal(!permanent, result.Sent);
        Assert.Equal(permanent ? errorCode : null, result.ErrorCode);
        Assert.Equal(permanent, result.Permanent);
        Assert.Equal(permanent ? 1 : 2, _webhook.RequestsFor(KeyA));
    }

    [Fact]
    public async Task SendAsync_ConnectionLostAfterDelivery_ResendsAndReportsAmbiguous()
    {
        _webhook.FailNext(FakeWebhook.Fault.Drop);
        var sut = CreateSut();

        var result = await _time.RunAsync(sut.SendAsync(KeyA, new RobotMessage.Text("通报"), default));

        Assert.Equal(new RobotSendResult(true, 1, 1, null, null, false, Ambiguous: true), result);
        Assert.Equal(2, _webhook.MessagesFor(KeyA).Count); // the duplicate that Ambiguous explains
    }

    [Fact]
    public async Task SendAsync_SecondPartRefused_ReportsTheFirstPartSentAndSendsNoMore()
    {
        _webhook.FailNext(new FakeWebhook.Fault(), new FakeWebhook.Fault(ErrorCode: 40058));
        var content = string.Join('\n', Enumerable.Range(1, 300).Select(i => $"第 {i} 行：襄阳 已签收 {i} 件"));
        var sut = CreateSut();

        var result = await sut.SendAsync(KeyA, new RobotMessage.Text(content), default);

        Assert.Equal(new RobotSendResult(false, 1, 6, 40058, "errcode 40058: fault", true, false), result);
        Assert.Single(_webhook.MessagesFor(KeyA));
        Assert.Equal(2, _webhook.RequestsFor(KeyA));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendAsync_ThirtyPercentOfRequestsFail_EveryPartArrivesOnceInOrder(bool throttled)
    {
        _webhook.FailRandomly(0.3, throttled ? FakeWebhook.Fault.Throttled : FakeWebhook.Fault.ServerError, seed: 7);
        var content = string.Join('\n', Enumerable.Range(1, 500).Select(i => $"第 {i} 行：襄阳 已签收 {i} 件"));
        var sut = CreateSut(configure: settings => settings.RobotMaxRetryAttempts = 10);

        var result = await _time.RunAsync(sut.SendAsync(KeyA, new RobotMessage.Text(content), default));

        Assert.True(result.Sent);
        var parts = _webhook.MessagesFor(KeyA).Select(arrival => arrival.Content!).ToList();
        Assert.Equal(result.PartsTotal, parts.Count);
        Assert.Equal(Enumerable.Range(2, parts.Count - 1).Select(n => $"（续 {n}/{parts.Count}）"), parts.Skip(1).Select(part => part.Split('\n')[0]));
        Assert.True(_webhook.RequestsFor(KeyA) > parts.Count);
    }

    [Fact]
    public async Task SendAsync_CanceledWhileWaitingForASlot_ThrowsWithoutSending()
    {
        var sut = CreateSut(configure: settings => settings.RobotMessagesPerMinute = 1);
        await sut.SendAsync(KeyA, new RobotMessage.Text("第一条"), default);
        using var cancellation = new CancellationTokenSource();

        var second = sut.SendAsync(KeyA, new RobotMessage.Text("第二条"), cancellation.Token);
        Assert.Equal(TimeSpan.FromSeconds(61), await _time.NextWaitAsync());
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        Assert.Equal(1, _webhook.RequestsFor(KeyA));
    }
}
