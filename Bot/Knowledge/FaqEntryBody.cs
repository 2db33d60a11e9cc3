using System.Text.Json.Serialization;

namespace ChatPost.Bot.Knowledge;

/// <summary>
/// A knowledge entry as the admin API takes it: <c>POST /api/faq</c> (create), <c>PUT /api/faq/{id}</c> (replace the
/// whole entry) and each item of <c>POST /api/faq/import</c>; also what <c>GET /api/faq/export</c> writes. Any other
/// field is refused (400). 知识条目（新建、整体修改、导入的每一条，以及导出的格式）；其他字段一律拒绝。
/// </summary>
/// <param name="Id">Required to create or import: 1 to 64 lower-case letters, digits and dashes, starting with a letter or digit
/// (<c>invoice-postage-free</c>). To update, omit it or give the id of the URL. 条目编号：新建、导入时必填，1–64 个小写字母、数字或连字符；修改时可省略，给出则须与地址中的一致。</param>
/// <param name="Questions">Ways citizens ask it: 1 to 50 different paraphrases, each 1 to 200 characters without control characters. No other enabled entry may have
/// the same paraphrase. Adding a paraphrase to an entry is an update. 群众的问法：1–50 条不同的说法，每条 1–200 字，不含控制字符；不得与其他启用条目的问法相同。把一个问法加到条目上就是一次修改。</param>
/// <param name="Answer">The answer as the citizen reads it: 1 to 600 characters, no control characters but line breaks. 回答：群众看到的文字，1–600 字，除换行外不含控制字符。</param>
/// <param name="Business">The business line: <c>license</c>, <c>invoice</c>, <c>textbook</c>, <c>study-material</c>, <c>other</c>, or null.
/// 业务线：交管证照、税务发票、教材、教辅资料、其他，或 null。</param>
/// <param name="Intent">The recognised intent it answers, by name (<c>Postage</c>, <c>DeliveryTime</c>, <c>InvoiceHowTo</c>, <c>LicenseHowTo</c>, <c>Textbook</c>,
/// <c>Other</c> …), or null; when the recogniser finds that intent, the entries filed under it are preferred.
/// 对应的识别意图名称（如 <c>Postage</c>），或 null；识别出该意图时优先使用该意图下的条目。</param>
/// <param name="Keywords">Extra words that point to it: at most 30, each 1 to 20 characters without control characters. 关键词：最多 30 个，每个 1–20 字，不含控制字符。</param>
/// <param name="Enabled">False keeps the entry (and its history) but never answers with it. Default true. 是否启用：false 时保留条目和历史，但不再用于回答；默认 true。</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FaqEntryBody(
    string? Id,
    IReadOnlyList<string>? Questions,
    string? Answer,
    string? Business = null,
    string? Intent = null,
    IReadOnlyList<string>? Keywords = null,
    bool? Enabled = null);
