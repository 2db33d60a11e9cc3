namespace ChatPost.Bot.Dialogs.Understanding;

/// <summary>The two shapes of postal item numbers the province's items carry.</summary>
public enum TrackingNumberKind
{
    /// <summary>UPU S10: 2 letters, an 8-digit serial, a check digit and a 2-letter country code (EA123456785CN).</summary>
    S10,

    /// <summary>13 digits (9876543210123), the domestic format; it carries no check digit.</summary>
    Domestic,
}
