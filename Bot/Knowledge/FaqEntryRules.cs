using System.Text.RegularExpressions;
using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Understanding;

namespace ChatPost.Bot.Knowledge;

/// <summary>
/// What makes a knowledge entry acceptable (the limits <see cref="FaqEntryBody"/> documents), checked the same way for a
/// create, an update and each entry of an import. Errors are keyed by field, for ProblemDetails.
/// </summary>
public static partial class FaqEntryRules
{
    public const int MaxQuestions = 50;
    public const int MaxQuestionLength = 200;
    public const int MaxAnswerLength = 600;
    public const int MaxKeywords = 30;
    public const int MaxKeywordLength = 20;

    /// <summary>Ids that name other calls under <c>/api/faq/</c>.</summary>
    private static readonly string[] ReservedIds = ["export", "import", "unanswered", "explain"];

    /// <summary>
    /// The entry <paramref name="body"/> describes, or null with <paramref name="errors"/> filled (keys start with
    /// <paramref name="prefix"/>, e.g. <c>entries[3].</c>). Text is trimmed; empty keywords are dropped.
    /// </summary>
    public static FaqEntry? Check(FaqEntryBody? body, string prefix, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (body is null)
        {
            errors[prefix.TrimEnd('.')] = ["An entry is required."];
            return null;
        }

        var before = errors.Count;
        var id = body.Id?.Trim() ?? "";
        if (!IsValidId(id))
        {
            errors[prefix + "id"] = ["id: 1 to 64 lower-case letters, digits and dashes, starting with a letter or digit."];
        }
        else if (ReservedIds.Contains(id))
        {
            errors[prefix + "id"] = [$"id '{id}' is reserved."];
        }

        var questions = (body.Questions ?? []).Select(question => question?.Trim() ?? "").ToList();
        if (questions.Count is 0 or > MaxQuestions || questions.Any(question => question.Length is 0 or > MaxQuestionLength))
        {
            errors[prefix + "questions"] = [$"questions: 1 to {MaxQuestions} paraphrases, each 1 to {MaxQuestionLength} characters."];
        }
        else if (questions.Any(question => question.Any(char.IsControl)))
        {
            errors[prefix + "questions"] = ["questions: no control characters."];
        }
        else if (questions.Select(Fold).Distinct(StringComparer.Ordinal).Count() != questions.Count)
        {
            errors[prefix + "questions"] = ["questions: each paraphrase once."];
        }

        var answer = body.Answer?.Trim() ?? "";
        if (answer.Length is 0 or > MaxAnswerLength)
        {
            errors[prefix + "answer"] = [$"answer: 1 to {MaxAnswerLength} characters."];
        }
        else if (answer.Any(c => char.IsControl(c) && c != '\n'))
        {
            errors[prefix + "answer"] = ["answer: no control characters but line breaks."]; // WeChat shows what it is sent
        }

        if (body.Business is not null && !PostalNames.TryParse(body.Business, out Business _))
        {
            errors[prefix + "business"] = ["business: license, invoice, textbook, study-material, other, or null."];
        }

        if (body.Intent is not null && !Enum.GetNames<Intent>().Contains(body.Intent))
        {
            errors[prefix + "intent"] = [$"intent: one of {string.Join(", ", Enum.GetNames<Intent>())}, or null."];
        }

        var keywords = (body.Keywords ?? []).Select(keyword => keyword?.Trim() ?? "").Where(keyword => keyword.Length > 0).ToList();
        if (keywords.Count > MaxKeywords || keywords.Any(keyword => keyword.Length > MaxKeywordLength || keyword.Any(char.IsControl)))
        {
            errors[prefix + "keywords"] = [$"keywords: at most {MaxKeywords}, each at most {MaxKeywordLength} characters, no control characters."];
        }

        return errors.Count > before ? null : new FaqEntry
        {
            Id = id,
            Questions = questions,
            Answer = answer,
            Business = body.Business,
            Intent = body.Intent,
            Keywords = keywords,
            Enabled = body.Enabled ?? true,
        };
    }

    /// <summary>
    /// The first paraphrase of <paramref name="entry"/> that another enabled entry of <paramref name="others"/> has too
    /// (compared folded: script, width, case and spaces aside), with that entry's id; null when none.
    /// </summary>
    public static (string Question, string OtherId)? SharedQuestion(FaqEntry entry, IEnumerable<FaqEntry> others)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(others);
        if (!entry.Enabled)
        {
            return null;
        }

        var mine = entry.Questions.ToDictionary(Fold, question => question, StringComparer.Ordinal);
        foreach (var other in others.Where(other => other.Enabled && other.Id != entry.Id))
        {
            foreach (var question in other.Questions)
            {
                if (mine.TryGetValue(Fold(question), out var shared))
                {
                    return (shared, other.Id);
                }
            }
        }

        return null;
    }

    /// <summary>The body that describes <paramref name="entry"/> (export, history).</summary>
    public static FaqEntryBody ToBody(FaqEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new FaqEntryBody(entry.Id, entry.Questions, entry.Answer, entry.Business, entry.Intent, entry.Keywords, entry.Enabled);
    }

    /// <summary>True when the two say the same (so an import leaves the entry as it is).</summary>
    public static bool SameContent(FaqEntry left, FaqEntry right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return left.Id == right.Id && left.Answer == right.Answer && left.Business == right.Business && left.Intent == right.Intent
            && left.Enabled == right.Enabled && left.Questions.SequenceEqual(right.Questions) && left.Keywords.SequenceEqual(right.Keywords);
    }

    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    private static string Fold(string question) =>
        string.Concat(ChineseScript.ToSimplified(question).Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c))).ToLowerInvariant();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
