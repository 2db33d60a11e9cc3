using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Tests.Dialogs.Understanding;

public sealed partial class CitizenRecognizerTests
{
    [Theory]
    [InlineData("襄阳", "襄阳")]
    [InlineData("襄阳市的驾驶证", "襄阳")]
    [InlineData("襄陽市", "襄阳")]
    [InlineData("恩施州的教材到了没有", "恩施")]
    [InlineData("恩施土家族苗族自治州", "恩施")]
    [InlineData("神农架林区", "神农架")]
    [InlineData("神農架林區", "神农架")]
    [InlineData("武漢市", "武汉")]
    [InlineData("黃岡", "黄冈")]
    [InlineData("荊州的件", "荆州")]
    [InlineData("隨州", "随州")]
    [InlineData("潛江市", "潜江")]
    [InlineData("天門", "天门")]
    [InlineData("鹹寧", "咸宁")]
    [InlineData("从宜昌寄到十堰", "宜昌")]
    [InlineData("我们单位荆州的，发票申请了三天了", "荆州")]
    public void Recognize_CityWithSuffixOrTraditional_IsCanonical(string text, string expected)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.Equal(expected, understanding.City);
        Assert.Contains(expected, Cities.All);
    }

    [Theory]
    [InlineData("北京")]
    [InlineData("长沙市")]
    [InlineData("湖北省")]
    public void Recognize_NoCityBranch_FindsNone(string text)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.Null(understanding.City);
    }

    [Theory]
    [InlineData("今天能送到吗", "2020-03-04")]
    [InlineData("今日", "2020-03-04")]
    [InlineData("明天", "2020-03-05")]
    [InlineData("明日送", "2020-03-05")]
    [InlineData("后天", "2020-03-06")]
    [InlineData("後天能到嗎", "2020-03-06")]
    [InlineData("大后天", "2020-03-07")]
    [InlineData("昨天申领的发票今天能到吗", "2020-03-03")]
    [InlineData("昨日", "2020-03-03")]
    [InlineData("前天寄的", "2020-03-02")]
    [InlineData("大前天", "2020-03-01")]
    [InlineData("我的件3月4日就发了", "2020-03-04")]
    [InlineData("2月28号", "2020-02-28")]
    [InlineData("2月29日", "2020-02-29")]
    [InlineData("12月30日寄的", "2019-12-30")]
    [InlineData("8月1日", "2020-08-01")]
    [InlineData("2020年3月4日", "2020-03-04")]
    [InlineData("2019年12月1日", "2019-12-01")]
    [InlineData("2020-03-04", "2020-03-04")]
    [InlineData("2020/3/4", "2020-03-04")]
    [InlineData("2020.03.04", "2020-03-04")]
    [InlineData("３月４日", "2020-03-04")]
    [InlineData("3.4寄出", "2020-03-04")]
    [InlineData("3/2", "2020-03-02")]
    [InlineData("2月30日或者3月1日", "2020-03-01")]
    public void Recognize_Date_IsRelativeToToday(string text, string expected)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), understanding.Date);
    }

    [Theory]
    [InlineData("20200304")]
    [InlineData("3.4元")]
    [InlineData("1.5公斤")]
    [InlineData("13月1日")]
    [InlineData("2月30日")]
    [InlineData("3月份")]
    [InlineData("V3.4")]
    [InlineData("EA123456785CN")]
    public void Recognize_NoDate_FindsNone(string text)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.Null(understanding.Date);
    }

    [Theory]
    [InlineData("驾驶证到期了", Business.License)]
    [InlineData("行驶证", Business.License)]
    [InlineData("驾照", Business.License)]
    [InlineData("交管", Business.License)]
    [InlineData("在12123上申请", Business.License)]
    [InlineData("駕駛證", Business.License)]
    [InlineData("发票", Business.Invoice)]
    [InlineData("税票什么时候到", Business.Invoice)]
    [InlineData("發票", Business.Invoice)]
    [InlineData("教材", Business.Textbook)]
    [InlineData("孩子的课本", Business.Textbook)]
    [InlineData("開學的書", Business.Textbook)]
    [InlineData("教辅", Business.StudyMaterial)]
    [InlineData("高三复习资料", Business.StudyMaterial)]
    [InlineData("学校的教辅资料是邮政送吗", Business.StudyMaterial)]
    [InlineData("我的行驶证寄出来没有 单号EM123456785CN", Business.License)]
    [InlineData("教材和发票", Business.Textbook)]
    [InlineData("驾照补证需要什么资料", Business.License)]
    public void Recognize_BusinessWord_GivesFirstLineNamed(string text, Business expected)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.Equal(expected, understanding.Business);
    }

    [Theory]
    [InlineData("1212345678901")]
    [InlineData("录取通知书")]
    [InlineData("今天天气怎么样")]
    public void Recognize_NoBusinessWord_FindsNone(string text)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.Null(understanding.Business);
    }
}
