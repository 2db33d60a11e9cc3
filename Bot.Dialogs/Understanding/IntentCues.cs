using System.Buffers;
using System.Text.RegularExpressions;

namespace ChatPost.Bot.Dialogs.Understanding;

/// <summary>
/// The words and phrases that signal an intent in a folded (Simplified, half-width) message, each set one multi-string
/// search. <see cref="IntentClassifier"/> decides in which order they count.
/// </summary>
internal static partial class IntentCues
{
    /// <summary>Asks for a person, or complains.</summary>
    public static readonly SearchValues<string> Handoff = Words(
        "人工", "客服", "投诉", "举报", "负责人", "领导", "经理", "真人", "要找人", "找个人", "找人问", "找人说", "转接", "接线员",
        "坐席", "联系我", "打电话给我", "给我打电话", "给我回电话", "回个电话", "不要机器人", "不要跟机器人", "不想跟机器人", "不要和机器人",
        "不想和机器人");

    /// <summary>Words that only postage means. 油费 is the pinyin slip for 邮费 (you); fuel is not a postal question.</summary>
    public static readonly SearchValues<string> PostageWords = Words(
        "邮费", "油费", "运费", "快递费", "寄费", "邮资", "包邮", "到付", "寄付", "免邮", "怎么收费", "如何收费", "收费标准");

    /// <summary>Money: postage when the message is about sending something (<see cref="Mailing"/>).</summary>
    public static readonly SearchValues<string> Money = Words("钱", "收费", "付费", "自费", "免费", "收多少");

    public static readonly SearchValues<string> Mailing = Words("寄", "邮", "快递", "送", "上门", "到家");

    /// <summary>Where or when is it, has it come: the item, invoice or textbook status.</summary>
    public static readonly SearchValues<string> Status = Words(
        "到哪", "哪儿了", "哪里了", "在哪了", "什么地方了", "寄出", "发出", "发货", "寄了吗", "发了吗", "到了吗", "到没到", "能到吗", "收到没",
        "收到了吗", "没收到", "还不到", "送到了吗", "进度", "状态", "退回", "驳回", "不通过", "没通过", "审核通过", "没消息", "一直没", "没动");

    /// <summary>Tracking vocabulary that does not ask by itself but, with nothing else asked, means "look it up".</summary>
    public static readonly SearchValues<string> LookUp = Words("查", "签收", "派送", "投递", "物流", "运输", "快递员", "派件", "单号", "邮件号");

    public static readonly SearchValues<string> HowTo = Words(
        "怎么", "怎样", "如何", "咋", "流程", "步骤", "操作", "手续", "办理", "申领", "申请", "领取", "可以", "能不能", "能否",
        "需要", "材料", "下载", "报名", "网上", "手机上", "线上", "电子税务局", "补办", "一定要", "要去", "还是", "地址");

    public static readonly SearchValues<string> Thanks = Words(
        "谢谢", "多谢", "感谢", "谢了", "谢啦", "辛苦", "明白了", "知道了", "好的", "3q", "thank", "thx");

    public static readonly SearchValues<string> Greeting = Words(
        "你好", "您好", "在吗", "在么", "在不在", "有人吗", "有人在吗", "哈喽", "哈罗", "嗨", "早上好", "上午好", "中午好", "下午好",
        "晚上好", "早安", "喂");

    /// <summary>A post office as a place: its hours or address are asked (<see cref="Intent.PostOffice"/>).</summary>
    public static readonly SearchValues<string> PostOfficeWords = Words("邮局", "营业厅", "网点", "支局", "邮政所", "邮电局", "邮政局", "邮政大厅");

    /// <summary>Other government services, traffic fines and tax matters that are not about mailing (<see cref="Intent.OtherService"/>).</summary>
    public static readonly SearchValues<string> OtherServiceWords = Words(
        "社保", "医保", "公积金", "户口", "户籍", "健康码", "营业执照", "护照", "通行证", "出入境", "不动产", "结婚证", "离婚", "低保", "养老金", "退休金",
        "办身份证", "补办身份证", "换身份证", "违章", "违法", "罚款", "罚单", "扣分", "闯红灯", "电子眼", "超速", "申报", "个人所得税", "退税", "税率", "税款",
        "缴税", "交税", "作废", "红冲", "开错");

    /// <summary>What makes a bare run of digits a taxpayer ID (see <see cref="CodeRecognizer"/>).</summary>
    public static readonly SearchValues<string> Taxes = Words("税", "发票", "发漂", "开票", "识别号", "信用代码");

    public static bool Has(ReadOnlySpan<char> text, SearchValues<string> words) => text.ContainsAny(words);

    /// <summary>A <see cref="Status"/> word, or one of the status phrases that need a pattern.</summary>
    public static bool AsksStatus(string text) => text.AsSpan().ContainsAny(Status) || StatusPhrases().IsMatch(text);

    /// <summary>A <see cref="HowTo"/> word, or "能…吗" (can it…?).</summary>
    public static bool AsksHowTo(string text) => text.AsSpan().ContainsAny(HowTo) || CanIt().IsMatch(text);

    public static bool Greets(string text) => text.AsSpan().ContainsAny(Greeting) || AsciiGreeting().IsMatch(text);

    /// <summary>Asks about the service desk rather than for it: its number or hours (客服电话, 人工几点上班, 投诉电话多少).</summary>
    public static bool AsksAboutServiceDesk(string text) => ServiceDeskInfo().IsMatch(text);

    /// <summary>Another government service named (<see cref="OtherServiceWords"/>), or an ID card that expired, was lost or must be made.</summary>
    public static bool AsksOtherService(string text) => text.AsSpan().ContainsAny(OtherServiceWords) || IdCard().IsMatch(text) || PersonalTax().IsMatch(text);

    /// <summary>Wants to send something of their own: 寄快递, 寄个包裹, 上门取件, 我想把…寄到.</summary>
    public static bool SendsParcel(string text) => SendingParcel().IsMatch(text);

    /// <summary>
    /// Asks how long delivery takes in general (多久能到, 几天能收到, 要等多少天), not where one's item is: no number, and
    /// nothing that says the wait has already run (还没到, 寄了几天了, 到哪了).
    /// </summary>
    public static bool AsksHowLong(string text) => HowLong().IsMatch(text) && !StillWaiting().IsMatch(text);

    /// <summary>
    /// Asks how delivery is arranged rather than where the item is: nobody at home, someone else signing, a changed address,
    /// the courier's mask or disinfection (not-home, change-address, invoice-receive and epidemic-safety answer these).
    /// </summary>
    public static bool AsksAboutDelivery(string text) => DeliveryArrangements().IsMatch(text);

    /// <summary>Asks for a phone number (税务局的电话是多少, 有没有热线): the contacts answer it, whatever line is named.</summary>
    public static bool AsksForNumber(string text) => NumberAsked().IsMatch(text);

    /// <summary>Asks how to look something up, not to look it up: 怎么查, 在哪里查, 单号在哪.</summary>
    public static bool AsksHowToTrack(string text) => HowToTrack().IsMatch(text);

    private static SearchValues<string> Words(params string[] words) => SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);

    // 什么(啥)时候能寄到, 几号发; (还是)没(有)收到/寄/审核/到, but not 没到期 or 没发票;
    // 寄到襄阳了没(有) and 邮寄到宜昌了吗, but not 了没事 or 到期了吗.
    [GeneratedRegex("""
        (?:什么|啥)时候.{0,4}[到送寄发来]|几号.{0,3}[到送寄发]
        |没有?(?:收到|[寄审送动]|发(?!票)|到(?!期))|了没(?!事|关系|用|法|办法|人)
        |(?:寄|送|发(?!票)|到(?!期))[^,.?!;:，。？！；：\s]{0,6}了(?:吗|么|嘛)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex StatusPhrases();

    [GeneratedRegex("""
        (?:客服|人工|投诉|热线)[^,.?!;，。？！；\s]{0,4}(?:电话|热线|号码|几点|时间|上班|下班|在线|有人|有没有人)
        |(?:晚上|夜里|半夜|周末|节假日|假期|24小时|几点)[^,.?!;，。？！；\s]{0,4}(?:有人|在吗|在线|上班|下班|回复)
        |(?:几点|什么时候|周末|晚上|节假日)[^,.?!;，。？！；\s]{0,4}(?:客服|人工)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex ServiceDeskInfo();

    // 多久(能到), 多长时间, 几天(到), 多少天, 当天(能寄出), 快不快, 明天能到, 什么时候寄出: a duration asked; 几天了 counts time already waited.
    [GeneratedRegex("多久|多长时间|多少天|几天(?!了)|当天|快不快|慢不慢|(?:明天|后天)能?(?:到|收到|寄到)|(?:什么|啥)时候(?:能|会|可以)?(?:寄出|发出)", RegexOptions.CultureInvariant)]
    private static partial Regex HowLong();

    // The wait has run: 还没(有)到, 没收到, 了没, 到哪, 几天了, 好几天, 一直.
    [GeneratedRegex("没有?(?:收到|到|寄|送|发(?!票)|动|消息)|了没|到哪|哪儿了|哪里了|几天了|好几天|一直", RegexOptions.CultureInvariant)]
    private static partial Regex StillWaiting();

    // Nobody to receive it (不在家, 家里没人, 没人收), someone else signs (代收, 代签, 谁可以签收, 签收要带), the address changes
    // (改地址, 地址写错), the courier's health measures (口罩, 消毒, 测温, 无接触), a missed call, or leaving it somewhere.
    [GeneratedRegex("""
        不在家|不在公司|家里?没人|没人(?:收|签|在家)|隔离|代收|代签|谁(?:可以|能|来)?(?:签|收|帮我签)|签收.{0,4}(?:带|要|需要|出示)|不方便签
        |改(?:一下)?(?:收件|收货)?地址|地址.{0,3}(?:写错|填错|错了|要改|改一下|变了)|寄到我?(?:上班|单位|公司|别)的?地方
        |口罩|消毒|体温|测温|无接触|传染|病毒|没接到|放(?:在)?(?:门口|门卫|驿站|小区|快递柜)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex DeliveryArrangements();

    [GeneratedRegex("(?:电话|热线|号码)(?:是|号码)?(?:多少|几号|啥|什么)|(?:什么|啥|哪个)(?:电话|热线)|有没有(?:电话|热线)|联系(?:方式|电话)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberAsked();

    // 个税, but not 那个税务局 or 这个税票.
    [GeneratedRegex("(?<![那这哪一每几])个税", RegexOptions.CultureInvariant)]
    private static partial Regex PersonalTax();

    [GeneratedRegex("身份证.{0,3}(?:过期|到期|丢|掉|补|换|办|坏)", RegexOptions.CultureInvariant)]
    private static partial Regex IdCard();

    // 寄 before what is sent (寄个快递, 寄点口罩), sending as the act (上门取件, 寄件, 下单寄), or 把…寄到/给.
    [GeneratedRegex("""
        寄(?:个|一个|一份|一些|一下|点|些)?(?:快递|包裹|东西|文件|口罩|物品|礼物|衣服|特产|信)
        |(?:上门|预约)(?:取件|收件|揽收)|寄件(?!人)|下单寄|把.{1,8}寄(?:到|给|去)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex SendingParcel();

    [GeneratedRegex("(?:怎么|怎样|如何|在哪里?|哪里能|去哪)(?:查|看|找)(?!一下我)|(?:单号|邮件号|运单号)[^,.?!，。？！]{0,3}(?:在哪|怎么找|哪里看)|不知道(?:单号|邮件号)",
        RegexOptions.CultureInvariant)]
    private static partial Regex HowToTrack();

    [GeneratedRegex("能.{0,8}吗", RegexOptions.CultureInvariant)]
    private static partial Regex CanIt();

    [GeneratedRegex("(?<![a-z])(?:hi|hello|hey)(?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsciiGreeting();
}
