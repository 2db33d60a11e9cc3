using ChatPost.Bot.Channels;
using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Tests.Channels;

public class TurnLockHandOffTests
{
    private static readonly LockLease Lease = new("turn:mp:{o1}", "token", (_, _) => Task.CompletedTask);

    [Fact]
    public void TurnEndsFirst_TheCallerReleasesWithItsAnswer()
    {
        var handOff = new TurnLockHandOff(Lease);

        Assert.Null(handOff.OnTurnEnded());
        Assert.Same(Lease, handOff.OnCallerAnswered());
    }

    [Fact]
    public void CallerAnswersFirst_TheLateTurnReleasesWhenItEnds()
    {
        var handOff = new TurnLockHandOff(Lease);

        Assert.Null(handOff.OnCallerAnswered());
        Assert.Same(Lease, handOff.OnTurnEnded());
    }

    [Fact]
    public async Task BothAtOnce_ExactlyOneSideGetsTheLease()
    {
        for (var i = 0; i < 1000; i++)
        {
            var handOff = new TurnLockHandOff(Lease);
            using var start = new Barrier(2);

            var sides = await Task.WhenAll(
                Task.Run(() => { start.SignalAndWait(); return handOff.OnTurnEnded(); }),
                Task.Run(() => { start.SignalAndWait(); return handOff.OnCallerAnswered(); }));

            Assert.Single(sides, lease => lease is not null);
        }
    }
}
