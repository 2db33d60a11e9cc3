namespace ChatPost.Bot.Dialogs.Routing;

/// <summary>How the bot answers one question.</summary>
public enum RouteKind
{
    /// <summary>A lookup dialog: tracking or an invoice application (it may ask for the number).</summary>
    Lookup,

    /// <summary>A knowledge entry answers it (<see cref="RoutedQuestion.Match"/>).</summary>
    Faq,

    /// <summary>Asks for a person or complains.</summary>
    Handoff,

    /// <summary>A hello.</summary>
    Greeting,

    /// <summary>Thanks or an acknowledgement.</summary>
    Thanks,

    /// <summary>A notification command (提醒, 取消提醒, 我的提醒).</summary>
    Watches,

    /// <summary>Asks what the bot can do.</summary>
    Menu,

    /// <summary>Nothing the bot knows answers it: it says so and shows the menu.</summary>
    NoAnswer,
}
