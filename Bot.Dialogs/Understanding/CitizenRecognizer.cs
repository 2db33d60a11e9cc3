using System.Diagnostics.CodeAnalysis;

namespace ChatPost.Bot.Dialogs.Understanding;

/// <summary>
/// Understands what citizens and taxpayers type (or say: voice arrives as recognised text) on the Official Account:
/// the intent, and the numbers, city, date and business line in the message. Stateless and thread-safe; register it
/// as a singleton. It loads nothing: every table and pattern is compiled in.
/// </summary>
/// <remarks>
/// <para>
/// The message is first folded (<see cref="ChineseScript.ToSimplified(string)"/>): Traditional script and full-width
/// characters are understood like Simplified and ASCII. The intent is then the first rule that applies:
/// </para>
/// <list type="number">
/// <item>asks for a person or complains (人工, 客服, 投诉, 负责人…) → <see cref="Intent.Handoff"/>, even with a number in it;</item>
/// <item>only a notification command, perhaps with numbers and filler (提醒, 有进展通知我, 取消提醒 EA…, 我的提醒) →
/// <see cref="Intent.Watch"/>, <see cref="Intent.Unwatch"/> or <see cref="Intent.ListWatches"/> (<see cref="WatchCommandRecognizer"/>);</item>
/// <item>a tracking number → <see cref="Intent.Tracking"/> ("我的行驶证寄出来没有 单号EM123456785CN" too); an invoice application
/// number or a taxpayer ID → <see cref="Intent.InvoiceStatus"/>: a number says what to look up better than any word;</item>
/// <item>only says "stop" (<see cref="CitizenUnderstanding.IsCancel"/>) → <see cref="Intent.Thanks"/> if it thanks, else <see cref="Intent.Other"/>;</item>
/// <item>a word that only postage means (邮费, 运费, 包邮, 到付…) → <see cref="Intent.Postage"/>;</item>
/// <item>asks how delivery is arranged (不在家, 代签, 改地址, 口罩, 消毒…) → <see cref="Intent.Other"/>, for the knowledge base to
/// answer across the lines; how long delivery takes (多久, 几天能到, 多少天), with nothing saying the wait has run (还没到, 几天了) →
/// <see cref="Intent.DeliveryTime"/> (<see cref="Intent.Textbook"/> for textbooks, which come by the school's plan);</item>
/// <item>asks where or when (到哪, 寄出了吗, 还没收到, 什么时候送到, 进度…) → the status of the business line named:
/// <see cref="Intent.InvoiceStatus"/> for invoices, <see cref="Intent.Textbook"/> for textbooks, else <see cref="Intent.Tracking"/>;</item>
/// <item>asks how, within a business line (怎么, 可以…吗, 流程, 网上, 申领…) → <see cref="Intent.InvoiceHowTo"/>,
/// <see cref="Intent.LicenseHowTo"/> or <see cref="Intent.Textbook"/>;</item>
/// <item>money (多少钱, 收费, 免费…) about sending something → <see cref="Intent.Postage"/>. How-to comes first because a
/// question about a step of the procedure is a how-to question even when it asks whether the step is free: the samples
/// label "电子税务局申领发票选邮寄是免费的吗" how-to but "寄发票收邮费吗" postage;</item>
/// <item>tracking words without a question (查, 物流, 签收…), or a phone number → the status of the business line, as in 7;</item>
/// <item>thanks or an acknowledgement → <see cref="Intent.Thanks"/> (before 12, so "已经收到驾驶证了，谢谢" is thanks);</item>
/// <item>a business line named with nothing asked → its how-to (<see cref="Intent.LicenseHowTo"/>, …);</item>
/// <item>a hello that does not ask when someone answers (你们晚上有人吗) → <see cref="Intent.Greeting"/>; otherwise <see cref="Intent.Other"/>.</item>
/// </list>
/// <para>
/// Numbers: S10 and 13-digit item numbers, <c>FP</c> + 14 digits, unified social credit codes and legacy taxpayer IDs,
/// and mobiles (1[3-9] + 9 digits, with or without +86), tolerant of spaces and dashes inside, lower case and full-width
/// digits. Runs of other lengths (12 or 14 digits, 20200304, 100元) are not numbers of any kind. A run of 15 to 20
/// digits is a taxpayer ID only when the message speaks of taxes or invoices; otherwise it is more likely a resident
/// ID or a bank card. An unseparated <c>86</c> + mobile is a 13-digit item number; only <c>+86</c>, <c>0086</c> or a
/// separate <c>86</c> group read as a country code.
/// </para>
/// </remarks>
public sealed class CitizenRecognizer
{
    /// <summary>What <paramref name="text"/> asks for and mentions.</summary>
    /// <param name="text">The message as received; empty or blank gives <see cref="Intent.Other"/> and no entities.</param>
    /// <param name="today">The day in China (<see cref="Postal.ChinaTime.Today(TimeProvider)"/>) that 今天, 昨天 and month/day dates are read against.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    [SuppressMessage("Performance", "CA1822:Mark members as static",
        Justification = "Dialogs take the recogniser by injection, so that one with settings can replace it without touching them.")]
    public CitizenUnderstanding Recognize(string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = ChineseScript.ToSimplified(text).Trim();
        var business = BusinessRecognizer.Find(normalized);
        var codes = CodeRecognizer.Find(normalized, IntentCues.Has(normalized, IntentCues.Taxes));
        var isCancel = CancelRecognizer.IsCancel(normalized);
        return new CitizenUnderstanding(
            IntentClassifier.Classify(normalized, codes, business, isCancel),
            normalized,
            codes.TrackingNumbers,
            codes.InvoiceApplicationNo,
            codes.TaxpayerId,
            codes.Phone,
            CityRecognizer.Find(normalized),
            DateRecognizer.Find(normalized, today),
            business,
            isCancel);
    }
}
