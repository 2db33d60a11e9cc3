using System.Text.RegularExpressions;
using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Dialogs.Features.Greeting;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Understanding;

namespace ChatPost.Bot.Dialogs.Routing;

/// <summary>
/// Decides what answers a citizen's message: the one place that turns the recogniser's understanding and the knowledge
/// base into answers, for the bot, the admin API's explain call and the evaluation bench alike. Stateless and
/// thread-safe; the FAQ index is read from <see cref="IFaqIndexSource"/> at each call.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A message is cut into clauses (<see cref="ClauseSplitter"/>); a clause that asks nothing ("驾驶证到期了") joins the
/// question it leads into. When two or more clauses each get a clear answer of their own, every one is answered (at most
/// <see cref="MaxQuestions"/>): "邮局几点开门？发票邮费免费到什么时候". Otherwise the message is one question.</item>
/// <item>A lookup (a number, or asking where an item is), a handoff, a greeting, thanks, a notification command and the menu
/// are answered as such; everything else goes to the knowledge base, weighed by the recognised intent and business line.</item>
/// <item>A follow-up ("那驾驶证呢", "要多久", "周末呢": opened with 那/也, closed with 呢, or a short question) inherits what it leaves
/// out from the topic before — its business line, or the intent it was about — and, failing all else, the entry that
/// answered it.</item>
/// </list>
/// </remarks>
public sealed partial class CitizenRouter(CitizenRecognizer recognizer, IFaqIndexSource faq)
{
    /// <summary>The most questions of one message that are answered.</summary>
    public const int MaxQuestions = 3;

    /// <summary>A message at most this long (folded) may be a follow-up even without 那 or 呢.</summary>
    private const int ShortFollowUp = 6;

    /// <summary>What answers <paramref name="text"/>, with <paramref name="topic"/> the current topic of the conversation (or null).</summary>
    public IReadOnlyList<RoutedQuestion> Route(string text, DateOnly today, ConversationTopic? topic) => Route(text, today, topic, faq.Current);

    /// <summary>
    /// <see cref="Route(string, DateOnly, ConversationTopic?)"/> for a caller that has already recognised the whole
    /// <paramref name="text"/> on <paramref name="today"/> (<paramref name="understood"/>), which is then not read again.
    /// </summary>
    public IReadOnlyList<RoutedQuestion> Route(string text, DateOnly today, ConversationTopic? topic, CitizenUnderstanding understood) =>
        Route(text, today, topic, faq.Current, understood);

    /// <summary>What answers <paramref name="text"/> from the knowledge of <paramref name="index"/> (one revision, as the explain call reports it).</summary>
    public IReadOnlyList<RoutedQuestion> Route(string text, DateOnly today, ConversationTopic? topic, FaqIndex index) =>
        Route(text, today, topic, index, understood: null);

    private IReadOnlyList<RoutedQuestion> Route(string text, DateOnly today, ConversationTopic? topic, FaqIndex index, CitizenUnderstanding? understood)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(index);
        var whole = RouteClause(index, text, today, topic, understood);
        var clauses = Clauses(text, today);
        if (clauses.Count < 2)
        {
            return [whole];
        }

        var answers = new List<RoutedQuestion>();
        var current = topic;
        foreach (var clause in clauses)
        {
            var routed = RouteClause(index, clause, today, current);
            current = TopicAfter(routed, today, current) ?? current;
            if (routed.IsClear && routed.Kind is not (RouteKind.Greeting or RouteKind.Thanks) && answers.All(answer => answer.Target != routed.Target))
            {
                answers.Add(routed);
            }
        }

        return answers.Count >= 2 ? [.. answers.OrderBy(answer => answer.Kind == RouteKind.Lookup).Take(MaxQuestions)] : [whole];
    }

    /// <summary>The topic a conversation carries after <paramref name="answered"/> (the last question answered), at <paramref name="now"/>.</summary>
    public static ConversationTopic? Topic(IReadOnlyList<RoutedQuestion> answered, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answered);
        return answered.LastOrDefault(question => question.Kind is RouteKind.Faq or RouteKind.Lookup) is { } last
            ? new ConversationTopic(last.Understood.Intent, last.Understood.Business ?? BusinessOf(last.Match), last.Match?.Entry.Id, now)
            : null;
    }

    private static ConversationTopic? TopicAfter(RoutedQuestion routed, DateOnly today, ConversationTopic? before) =>
        Topic([routed], before?.At ?? ChinaTime.StartOf(today));

    private static Business? BusinessOf(FaqMatch? match) =>
        PostalNames.TryParse(match?.Entry.Business, out Business business) && business != Business.Other ? business : null;

    /// <summary>The clauses that stand alone: a piece that asks nothing is joined to the next (or, at the end, to the one before).</summary>
    private List<string> Clauses(string text, DateOnly today)
    {
        var clauses = new List<string>();
        var pending = "";
        foreach (var piece in ClauseSplitter.Split(text))
        {
            var clause = pending.Length == 0 ? piece : pending + "，" + piece;
            if (StandsAlone(clause, today))
            {
                clauses.Add(clause);
                pending = "";
            }
            else
            {
                pending = clause;
            }
        }

        if (pending.Length > 0)
        {
            if (clauses.Count == 0)
            {
                clauses.Add(pending);
            }
            else
            {
                clauses[^1] += "，" + pending;
            }
        }

        return clauses;
    }

    /// <summary>A question (吗, 怎么, 多少…), a number, or a request the recogniser names by itself.</summary>
    private bool StandsAlone(string clause, DateOnly today) =>
        QuestionCue().IsMatch(clause) || recognizer.Recognize(clause, today) is var understood && (understood.TrackingNumbers.Count > 0
            || understood.Intent is Intent.Handoff or Intent.SendParcel or Intent.PostOffice or Intent.OtherService or Intent.Postage
                or Intent.DeliveryTime or Intent.Greeting or Intent.Thanks or Intent.Watch or Intent.Unwatch or Intent.ListWatches);

    private RoutedQuestion RouteClause(FaqIndex index, string text, DateOnly today, ConversationTopic? topic, CitizenUnderstanding? recognized = null)
    {
        var understood = recognized ?? recognizer.Recognize(text, today);
        switch (understood.Intent)
        {
            case Intent.Tracking or Intent.InvoiceStatus:
                return new RoutedQuestion(understood.Normalized, understood, RouteKind.Lookup, null);
            case Intent.Handoff:
                return new RoutedQuestion(understood.Normalized, understood, RouteKind.Handoff, null);
            case Intent.Greeting:
                return new RoutedQuestion(understood.Normalized, understood, RouteKind.Greeting, null);
            case Intent.Thanks:
                return new RoutedQuestion(understood.Normalized, understood, RouteKind.Thanks, null);
            case Intent.Watch or Intent.Unwatch or Intent.ListWatches:
                return new RoutedQuestion(understood.Normalized, understood, RouteKind.Watches, null);
            case Intent.Other when MenuRequest.Matches(text):
                return new RoutedQuestion(understood.Normalized, understood, RouteKind.Menu, null);
        }

        // A redirect names its own subject: "邮局几点开门" after a licence question is about the post office, not licences; so does
        // a question that an entry of no line answers by itself.
        if (topic is not null && understood.Intent is not (Intent.SendParcel or Intent.PostOffice or Intent.OtherService) && IsFollowUp(understood)
            && !AnswersItself(index, understood) && FollowUp(index, understood, topic, today) is { } followed)
        {
            return followed;
        }

        return Answer(index, understood, understood.Normalized);
    }

    private static RoutedQuestion Answer(FaqIndex index, CitizenUnderstanding understood, string query, bool followedUp = false)
    {
        var match = index.Find(query, understood.Intent, understood.Business);
        return match is not null
            ? new RoutedQuestion(understood.Normalized, understood, RouteKind.Faq, match, followedUp)
            : new RoutedQuestion(understood.Normalized, understood, RouteKind.NoAnswer,
                index.Rank(query, understood.Intent, understood.Business) is [var nearest, ..] ? nearest : null, followedUp);
    }

    /// <summary>Nothing recognised, but an entry of no business line answers it strongly by its words: "电话多少" after a textbook question asks for the contacts.</summary>
    private static bool AnswersItself(FaqIndex index, CitizenUnderstanding understood) =>
        understood.Intent is Intent.Other && index.Find(understood.Normalized, Intent.Other) is { IsStrong: true } match && BusinessOf(match) is null;

    /// <summary>
    /// Reads a follow-up in the light of <paramref name="topic"/>: a business line named alone takes the topic's intent
    /// (Postage, then "那驾驶证呢"); a question without a line takes the topic's line; and when neither finds an entry, the
    /// topic's entry answers again ("周末呢"). Null when the topic adds nothing.
    /// </summary>
    private RoutedQuestion? FollowUp(FaqIndex index, CitizenUnderstanding understood, ConversationTopic topic, DateOnly today)
    {
        if (understood.Business is not null && IsFaqIntent(topic.Intent) && understood.Intent == HowToOf(understood.Business.Value)
            && topic.Intent != understood.Intent && index.Find(understood.Normalized, topic.Intent, understood.Business) is { } sameQuestion)
        {
            return new RoutedQuestion(understood.Normalized, understood with { Intent = topic.Intent }, RouteKind.Faq, sameQuestion, FollowedUp: true);
        }

        if (understood.Business is null && topic.Business is { } business)
        {
            var inherited = recognizer.Recognize(understood.Normalized + "，" + PostalNames.ToChinese(business), today);
            // Other with a strong answer of its own (那谁可以签收 after invoices: invoice-receive) keeps it; else it asks the topic's question.
            var intent = inherited.Intent is Intent.Other && index.Find(inherited.Normalized, Intent.Other, business) is not { IsStrong: true }
                ? topic.Intent
                : inherited.Intent;
            if (IsFaqIntent(intent) && index.Find(inherited.Normalized, intent, business) is { } match)
            {
                return new RoutedQuestion(understood.Normalized, understood with { Intent = intent, Business = business }, RouteKind.Faq, match, FollowedUp: true);
            }
        }

        if (topic.EntryId is { } id && index.Find(understood.Normalized, understood.Intent, understood.Business) is null
            && index.Entries.FirstOrDefault(entry => entry.Id == id) is { } again)
        {
            return new RoutedQuestion(understood.Normalized, understood with { Intent = topic.Intent }, RouteKind.Faq,
                new FaqMatch(again, 0, 0, [], OfIntent: true, IsStrong: false), FollowedUp: true);
        }

        return null;
    }

    /// <summary>Opened with 那/也 or closed with 呢, or a short question (要多久, 收费吗): not a short statement (找不到, 我不记得了).</summary>
    private static bool IsFollowUp(CitizenUnderstanding understood) =>
        FollowUpCue().IsMatch(understood.Normalized) || (understood.Normalized.Length <= ShortFollowUp && QuestionCue().IsMatch(understood.Normalized));

    private static bool IsFaqIntent(Intent intent) =>
        intent is Intent.Postage or Intent.DeliveryTime or Intent.InvoiceHowTo or Intent.LicenseHowTo or Intent.Textbook or Intent.SendParcel or Intent.PostOffice
            or Intent.OtherService;

    private static Intent HowToOf(Business business) => business switch
    {
        Business.Invoice => Intent.InvoiceHowTo,
        Business.License => Intent.LicenseHowTo,
        Business.Textbook or Business.StudyMaterial => Intent.Textbook,
        _ => Intent.Other,
    };

    [GeneratedRegex("^(?:那|那么|也|还有)|呢[?？]?$|也(?:是|可以|能|行)", RegexOptions.CultureInvariant)]
    private static partial Regex FollowUpCue();

    [GeneratedRegex("[吗呢嘛?？谁]|怎么|怎样|如何|咋|多少|几[点天号个时]|什么|啥|哪|是否|能不能|可不可以|要不要|有没有|行不行|收不收|送不送|会不会|多久|多长")]
    private static partial Regex QuestionCue();
}
