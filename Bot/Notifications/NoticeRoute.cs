namespace ChatPost.Bot.Notifications;

/// <summary>How a notification is to reach its user, as <see cref="UserWatches.Decide"/> chose it.</summary>
public enum NoticeRoute
{
    /// <summary>Nothing to send: the user was told this or a newer state already.</summary>
    None,

    /// <summary>Nothing to send: the user does not watch the item (any more), so their entry in its watchers can go.</summary>
    Unwatched,

    /// <summary>A customer-service message: the user wrote within WeChat's window, and its quota has room.</summary>
    CustomerService,

    /// <summary>A template message: outside the window, and a template is configured for the item's kind.</summary>
    Template,

    /// <summary>Kept for the user's next message: WeChat allows nothing else now.</summary>
    Deferred,
}
