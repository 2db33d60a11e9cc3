using ChatPost.Bot.Dialogs.Privacy;
using Moq;

namespace ChatPost.Bot.Tests.Dialogs.Privacy;

public class LookupQuotaExtensionsTests
{
    [Fact]
    public async Task LookUpAsync_StartsTheLookupBeforeTheQuotaAnswers_SoBothShareARoundTrip()
    {
        var quotaAnswer = new TaskCompletionSource<bool>();
        var quota = new Mock<ILookupQuota>();
        quota.Setup(q => q.TryTakeAsync("oUser", It.IsAny<CancellationToken>())).Returns(quotaAnswer.Task);
        var lookupStarted = false;

        var lookingUp = quota.Object.LookUpAsync("oUser", _ =>
        {
            lookupStarted = true;
            return Task.FromResult("record");
        }, default);
        var startedBeforeTheQuotaAnswered = lookupStarted;
        quotaAnswer.SetResult(true);

        Assert.True(startedBeforeTheQuotaAnswered);
        Assert.Equal((true, "record"), await lookingUp);
    }

    [Fact]
    public async Task LookUpAsync_QuotaUsedUp_DropsTheResult()
    {
        var quota = new Mock<ILookupQuota>();
        quota.Setup(q => q.TryTakeAsync("oGreedy", It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var (allowed, result) = await quota.Object.LookUpAsync("oGreedy", _ => Task.FromResult<string?>("secret"), default);

        Assert.False(allowed);
        Assert.Null(result);
    }
}
