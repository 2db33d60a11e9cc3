using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Dialogs.Understanding;

namespace ChatPost.Bot.Dialogs.Routing;

/// <summary>One question of a message and what answers it.</summary>
/// <param name="Text">The question as routed (folded; for a follow-up, without what it inherited).</param>
/// <param name="Understood">What the recogniser made of it, with what a follow-up inherited from the topic before.</param>
/// <param name="Kind">How it is answered.</param>
/// <param name="Match">For <see cref="RouteKind.Faq"/>, the entry and why; also for <see cref="RouteKind.NoAnswer"/>, the best candidate that fell short, if any.</param>
/// <param name="FollowedUp">True when it was read as a follow-up of the topic before.</param>
public sealed record RoutedQuestion(string Text, CitizenUnderstanding Understood, RouteKind Kind, FaqMatch? Match, bool FollowedUp = false)
{
    /// <summary>
    /// What it reaches, as the evaluation set labels it: the entry's id for a knowledge answer, otherwise <c>track</c>,
    /// <c>invoice_status</c>, <c>handoff</c>, <c>greeting</c>, <c>thanks</c>, <c>watch</c>, <c>unwatch</c>,
    /// <c>list_watches</c>, <c>menu</c> or <c>none</c>.
    /// </summary>
    public string Target => Kind switch
    {
        RouteKind.Faq => Match!.Entry.Id,
        RouteKind.Lookup => Understood.Intent == Intent.InvoiceStatus ? "invoice_status" : "track",
        RouteKind.Handoff => "handoff",
        RouteKind.Greeting => "greeting",
        RouteKind.Thanks => "thanks",
        RouteKind.Watches => Understood.Intent switch { Intent.Unwatch => "unwatch", Intent.ListWatches => "list_watches", _ => "watch" },
        RouteKind.Menu => "menu",
        _ => "none",
    };

    /// <summary>
    /// True when the bot may answer it even while it waits for something else (a number it asked for): anything but a
    /// weak knowledge answer or nothing at all.
    /// </summary>
    public bool IsClear => Kind switch
    {
        RouteKind.Faq => Match!.IsStrong,
        RouteKind.NoAnswer => false,
        _ => true,
    };
}
