using Microsoft.Bot.Builder;

namespace ChatPost.Bot.Dialogs.Features.Notifications;

/// <summary>
/// Whether a turn's lookups may offer to watch the item: yes for citizens (the Official Account notifies them), no for
/// staff, who ask the same dialogs in the WeCom app and in groups but get no notifications.
/// </summary>
public static class WatchOffers
{
    private const string Key = "ChatPost.WatchOffersOff";

    /// <summary>Turns offers off for the rest of <paramref name="turn"/>.</summary>
    public static void TurnOff(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.TurnState[Key] = true;
    }

    /// <summary>True unless <see cref="TurnOff"/> was called for <paramref name="turn"/>.</summary>
    public static bool AreOn(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return !turn.TurnState.ContainsKey(Key);
    }
}
