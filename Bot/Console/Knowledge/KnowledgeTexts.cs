using System.Text.RegularExpressions;
using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Understanding;
using ChatPost.Bot.Knowledge;

namespace ChatPost.Bot.Console.Knowledge;

/// <summary>How the knowledge pages word entries and their versions, and read the entry form back.</summary>
public static partial class KnowledgeTexts
{
    /// <summary>The business lines an entry may be filed under, as the form offers them (wire name, Chinese).</summary>
    public static readonly IReadOnlyList<(string Wire, string Title)> BusinessLines =
        [.. Enum.GetValues<Business>().Select(business => (PostalNames.ToWire(business), PostalNames.ToChinese(business)))];

    /// <summary>The intents an entry may be filed under, as the form offers them (the stored name, Chinese).</summary>
    public static readonly IReadOnlyList<(string Name, string Title)> Intents =
        [.. Enum.GetValues<Intent>().Select(intent => (intent.ToString(), IntentNames.ToChinese(intent)))];

    /// <summary>What made a version, in Chinese.</summary>
    public static string Change(FaqEntryVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.Change switch
        {
            FaqEntryVersion.Seeded => "初始导入",
            FaqEntryVersion.Created => "新建",
            FaqEntryVersion.Updated => "修改",
            FaqEntryVersion.Deleted => "删除",
            FaqEntryVersion.Reverted => $"回退到第 {version.RevertedTo} 版",
            FaqEntryVersion.Imported => "导入",
            _ => version.Change,
        };
    }

    /// <summary>Why a question is on the unanswered list (<see cref="UnansweredGroup.Reason"/>), in Chinese.</summary>
    public static string Reason(string reason) => reason switch
    {
        "weak" => "匹配较弱",
        "handoff" => "转人工",
        _ => "无匹配",
    };

    /// <summary>The badge's look for a reason: nothing answered is the worst.</summary>
    public static string ReasonBadge(string reason) => reason == "weak" ? "warn" : "bad";

    /// <summary>How a question of a message is answered (<see cref="FaqExplainedQuestion.Kind"/>), in Chinese.</summary>
    public static string Kind(string kind) => kind switch
    {
        "faq" => "知识条目",
        "lookup" => "查询记录",
        "handoff" => "转人工",
        "greeting" => "问候",
        "thanks" => "致谢",
        "watches" => "提醒",
        "menu" => "菜单",
        "noAnswer" => "无法回答",
        _ => kind,
    };

    /// <summary>The intent's Chinese name, by its stored name; 无 for none.</summary>
    public static string Intent(string? name) => Intents.FirstOrDefault(intent => intent.Name == name).Title ?? "无";

    /// <summary>The business line's Chinese name; 不限 for none.</summary>
    public static string Business(string? wire) => PostalNames.TryParse(wire, out Business business) ? PostalNames.ToChinese(business) : "不限";

    /// <summary>What <paramref name="after"/> changed of <paramref name="before"/>, by the form's field names; everything for a first version.</summary>
    public static IReadOnlyList<string> ChangedFields(FaqEntry? before, FaqEntry after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before is null)
        {
            return [];
        }

        var changed = new List<string>();
        if (!before.Questions.SequenceEqual(after.Questions))
        {
            var added = after.Questions.Except(before.Questions).Count();
            var removed = before.Questions.Except(after.Questions).Count();
            changed.Add(added + removed == 0 ? "问法顺序" : $"问法 +{added} −{removed}");
        }

        if (before.Answer != after.Answer)
        {
            changed.Add("回答");
        }

        if (before.Business != after.Business)
        {
            changed.Add("业务线");
        }

        if (before.Intent != after.Intent)
        {
            changed.Add("意图");
        }

        if (!before.Keywords.SequenceEqual(after.Keywords))
        {
            changed.Add("关键词");
        }

        if (before.Enabled != after.Enabled)
        {
            changed.Add(after.Enabled ? "启用" : "停用");
        }

        return changed;
    }

    /// <summary>The paraphrases typed one per line: each line trimmed, empty lines dropped.</summary>
    public static IReadOnlyList<string> Lines(string text) =>
        [.. text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];

    /// <summary>The keywords typed apart by spaces, commas or 顿号.</summary>
    public static IReadOnlyList<string> Keywords(string text) =>
        [.. KeywordSeparators().Split(text).Where(keyword => keyword.Length > 0)];

    /// <summary>
    /// What is wrong with <paramref name="field"/>, in Chinese. <see cref="KnowledgeService"/> words its reasons in English for
    /// API callers; the page says the same by field, naming the other entry when a paraphrase is taken.
    /// </summary>
    public static string Error(string field, string[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return field switch
        {
            "id" => "编号：1–64 个小写字母、数字或连字符（-），以字母或数字开头，且不是保留字（export、import、unanswered、explain）。",
            "questions" when messages.Select(message => SharedQuestion().Match(message)).FirstOrDefault(match => match.Success) is { } shared =>
                $"问法“{shared.Groups["question"].Value}”已经是条目 {shared.Groups["other"].Value} 的问法：一个问法只能属于一个启用的条目。",
            "questions" => $"问法：1 至 {FaqEntryRules.MaxQuestions} 个，每个不超过 {FaqEntryRules.MaxQuestionLength} 字，不含控制字符，不能重复（不计繁简、全半角、大小写和标点）。",
            "answer" => $"回答：1 至 {FaqEntryRules.MaxAnswerLength} 字，除换行外不含控制字符。",
            "keywords" => $"关键词：最多 {FaqEntryRules.MaxKeywords} 个，每个不超过 {FaqEntryRules.MaxKeywordLength} 字，不含控制字符。",
            "business" or "intent" => "请从列表中选择。",
            "version" => "这个版本已不再保留，无法回退到它。",
            _ => string.Join(" ", messages),
        };
    }

    [GeneratedRegex("[\\s,，、;；]+")]
    private static partial Regex KeywordSeparators();

    [GeneratedRegex("^questions: '(?<question>.*)' is already a paraphrase of entry '(?<other>[^']*)'\\.$", RegexOptions.Singleline)]
    private static partial Regex SharedQuestion();
}
