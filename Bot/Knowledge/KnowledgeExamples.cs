using ChatPost.Bot.ApiDocs;
using ChatPost.Bot.Broadcasts;

namespace ChatPost.Bot.Knowledge;

/// <summary>Real requests to the knowledge part of the admin API (against the seed of config/faq.json), shown in its description and sent by the tests.</summary>
internal static class KnowledgeExamples
{
    public static readonly ApiExample[] List = [new("everyEntry", StatusCodes.Status200OK, "Every entry and the revision. 全部条目及修订号。")];

    public static readonly ApiExample[] Create =
    [
        new("newEntry", StatusCodes.Status201Created, "A new entry, version 1. 新建条目，版本 1。", Body: """
            { "id": "invoice-free-period", "questions": ["免费寄发票到哪天为止", "发票包邮哪天结束"], "answer": "2020年2月14日至4月30日，纳税人申领发票邮寄免费。",
              "business": "invoice", "intent": "Postage", "keywords": ["免费", "截止"] }
            """),
        new("noAnswer", StatusCodes.Status400BadRequest, "No answer: refused, naming the field. 缺少回答：被拒绝，并指出字段。", Body: """
            { "id": "half-written", "questions": ["邮局几点开门"] }
            """),
        new("idTaken", StatusCodes.Status409Conflict, "The id exists: change it with PUT. 编号已存在：请用 PUT 修改。", Body: """
            { "id": "contacts", "questions": ["有没有热线电话"], "answer": "邮政客服热线 11185。" }
            """),
    ];

    public static readonly ApiExample[] Get =
    [
        new("withHistory", StatusCodes.Status200OK, "An entry with its versions. 条目及其历史版本。", Parameters: Id("contacts")),
        new("neverWritten", StatusCodes.Status404NotFound, "An id never written. 从未写入的编号。", Parameters: Id("no-such-entry")),
    ];

    public static readonly ApiExample[] Update =
    [
        new("newAnswerAndParaphrase", StatusCodes.Status200OK, "A new answer and one more paraphrase, by a named person: a new version. 由署名人员修改回答并增加问法：产生新版本。",
            Body: """
            { "questions": ["客服电话多少", "怎么联系你们", "投诉电话", "有没有热线"], "answer": "邮件查询 11183；邮政客服和投诉 11185；税务 12366；交管 12123。",
              "business": "other", "intent": "Other", "keywords": ["电话", "热线"] }
            """, Parameters: new Dictionary<string, string> { ["id"] = "contacts", [BroadcastEndpoints.ManagerHeader] = "王科长" }),
        new("staleVersion", StatusCodes.Status412PreconditionFailed, "If-Match names a version the entry has moved on from: nothing written. If-Match 的版本已过时：未写入。",
            Body: """{ "questions": ["客服电话多少"], "answer": "旧稿。" }""",
            Parameters: new Dictionary<string, string> { ["id"] = "contacts", ["If-Match"] = "\"99\"" }),
        new("sharedParaphrase", StatusCodes.Status400BadRequest, "A paraphrase another entry has: refused. 与其他条目的问法重复：被拒绝。",
            Body: """{ "questions": ["家里没人怎么办"], "answer": "请拨打 11185。" }""", Parameters: Id("contacts")),
    ];

    public static readonly ApiExample[] Delete =
    [
        new("deleteEntry", StatusCodes.Status204NoContent, "Deleted: a version without content, which a revert brings back. 删除：产生无内容的新版本，可回退恢复。",
            Parameters: Id("epidemic-safety")),
        new("neverWritten", StatusCodes.Status404NotFound, "An id never written. 从未写入的编号。", Parameters: Id("no-such-entry")),
    ];

    public static readonly ApiExample[] Revert =
    [
        new("toTheSeed", StatusCodes.Status200OK, "The content of version 1, as a new version. 把版本 1 的内容恢复为新版本。",
            Body: """{ "version": 1 }""", Parameters: Id("not-home")),
        new("notKept", StatusCodes.Status400BadRequest, "A version that is not kept. 该版本不存在或未保留。",
            Body: """{ "version": 99 }""", Parameters: Id("not-home")),
    ];

    public static readonly ApiExample[] Export = [new("wholeKnowledge", StatusCodes.Status200OK, "The knowledge as one document. 整个知识库文档。")];

    public static readonly ApiExample[] Import =
    [
        new("addTwo", StatusCodes.Status200OK, "Two entries added, the rest kept. 新增两条，其余保持不变。", Body: """
            { "entries": [
                { "id": "post-office-hours", "questions": ["邮局周日开门吗", "营业厅周末上班吗"], "answer": "疫情期间各网点营业时间有调整，请拨打 11185 查询。",
                  "intent": "Other" },
                { "id": "tax-hotline", "questions": ["税务咨询电话"], "answer": "税务咨询请拨打 12366。", "business": "invoice" } ] }
            """),
        new("oneBadEntry", StatusCodes.Status400BadRequest, "One bad entry: nothing written, the field named. 有一条错误：全部不写入，并指出字段。", Body: """
            { "entries": [ { "id": "good-one", "questions": ["问题一"], "answer": "回答一" }, { "id": "bad one", "questions": ["问题二"], "answer": "回答二" } ] }
            """),
    ];

    public static readonly ApiExample[] Unanswered =
    [
        new("lastWeek", StatusCodes.Status200OK, "The last 7 days, the 20 most frequent. 最近 7 天，次数最多的 20 组。",
            Parameters: new Dictionary<string, string> { ["days"] = "7", ["limit"] = "20" }),
        new("tooFarBack", StatusCodes.Status400BadRequest, "Further back than questions are kept. 超出保留天数。",
            Parameters: new Dictionary<string, string> { ["days"] = "1000" }),
    ];

    public static readonly ApiExample[] Explain =
    [
        new("twoQuestions", StatusCodes.Status200OK, "Two questions in one message, each with its entry and why. 一条消息两个问题，各自命中的条目及原因。",
            Body: """{ "question": "邮局几点开门？发票免费邮寄到什么时候" }"""),
        new("noQuestion", StatusCodes.Status400BadRequest, "No question: refused. 缺少问题：被拒绝。", Body: """{ "question": "" }"""),
    ];

    private static Dictionary<string, string> Id(string id) => new() { ["id"] = id };
}
