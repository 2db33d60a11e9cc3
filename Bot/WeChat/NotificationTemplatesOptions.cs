using ChatPost.Bot.Dialogs.Features.Notifications;

namespace ChatPost.Bot.WeChat;

/// <summary>
/// Template messages for notifications outside the customer-service window, one per kind of item. Section
/// <c>WeChat:OfficialAccount:Templates</c>. Certified service accounts only; a kind without one keeps its notifications
/// for the user's next message.
/// </summary>
public sealed class NotificationTemplatesOptions
{
    /// <summary>For shipments: licences, textbooks, a parcel of invoices. Null: none.</summary>
    public TemplateOptions? ShipmentUpdate { get; set; }

    /// <summary>For invoice applications. Null: none.</summary>
    public TemplateOptions? InvoiceUpdate { get; set; }

    /// <summary>The template for <paramref name="kind"/>; null when none is configured.</summary>
    public TemplateOptions? For(WatchedItemKind kind) => kind == WatchedItemKind.Shipment ? ShipmentUpdate : InvoiceUpdate;
}

/// <summary>One template of the account and what goes into its keywords.</summary>
public sealed class TemplateOptions
{
    /// <summary>The template id from the WeChat console (模板消息 → 我的模板): letters, digits, <c>-</c> and <c>_</c>. Required.</summary>
    public string TemplateId { get; set; } = "";

    /// <summary>
    /// Which part of a change goes into which keyword of the template, as <c>{ "thing1": "item", "phrase2": "status",
    /// "time3": "time" }</c>: keys are the template's keywords, values one of <c>item</c>, <c>business</c>, <c>status</c>,
    /// <c>place</c>, <c>time</c>, <c>detail</c> (<see cref="TemplateField"/>). At least one. A value longer than its
    /// keyword allows (<c>thing</c> 20 characters, <c>phrase</c> 5, <c>character_string</c> 32) is shortened.
    /// </summary>
    public Dictionary<string, string> Fields { get; set; } = [];

    /// <summary>Where tapping the message leads (an https URL); null for nowhere.</summary>
    public Uri? Url { get; set; }
}
