using ChatPost.Bot.Storage;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace ChatPost.Bot.Tests.Storage;

public class PrefetchedStateTests
{
    [Fact]
    public void TryPutLookups_WhileAnotherTurnOfTheUserHoldsItsOwn_KeepsNothing_UnlessThatTurnOutlivedAnyTurn()
    {
        var time = new FakeTimeProvider();
        var sut = new PrefetchedState(time);
        RedisKey window = "quota:lookup:{oUser}:1";

        var first = sut.TryPutLookups("oUser", "1", window, 1, []);
        var meanwhile = sut.TryPutLookups("oUser", "2", window, 2, []);
        time.Advance(TurnGateTimes.TurnLock + TimeSpan.FromSeconds(1));
        var afterTheFirstNeverEnded = sut.TryPutLookups("oUser", "3", window, 3, []);

        Assert.True(first);
        Assert.False(meanwhile);
        Assert.True(afterTheFirstNeverEnded);
        Assert.Null(sut.ForgetLookups("oUser", "1")); // replaced: nothing of the first is left to forget
        Assert.Equal(window, sut.ForgetLookups("oUser", "3")); // its unit unused: given back
        Assert.Equal(0, sut.Count);
    }
}
