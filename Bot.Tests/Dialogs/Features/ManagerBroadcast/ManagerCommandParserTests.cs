using ChatPost.Bot.Dialogs.Features.ManagerBroadcast;

namespace ChatPost.Bot.Tests.Dialogs.Features.ManagerBroadcast;

public class ManagerCommandParserTests
{
    // Wednesday 2020-03-04 10:00 in China.
    private static readonly DateTimeOffset Now = new(2020, 3, 4, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("通报 请各市州分公司今天17点前上报教材配送进度", "请各市州分公司今天17点前上报教材配送进度", "")]
    [InlineData("广播 恩施 孝感：明早8点召开视频会", "明早8点召开视频会", "恩施,孝感")]
    [InlineData("广播 恩施州、孝感市：明早8点召开视频会", "明早8点召开视频会", "恩施,孝感")]
    [InlineData("廣播 襄陽：注意防疫", "注意防疫", "襄阳")]
    [InlineData("通报：注意：明天起全员测温", "注意：明天起全员测温", "")]
    [InlineData("群发 全省各网点今日照常营业", "全省各网点今日照常营业", "")]
    public void Parse_Broadcast_ReadsContentAndCities(string text, string content, string cities)
    {
        var command = ManagerCommandParser.Parse(text, Now);

        Assert.NotNull(command);
        Assert.Equal(ManagerCommandKind.Broadcast, command.Kind);
        Assert.Equal(content, command.Content);
        Assert.Equal(cities, string.Join(',', command.Cities!));
        Assert.Null(command.At);
    }

    [Theory]
    [InlineData("定时 明天08:00 通报 全省税票寄递免费政策延续至4月30日", "2020-03-05T08:00:00+08:00")]
    [InlineData("定时 今天17:30 通报 下班前上报", "2020-03-04T17:30:00+08:00")]
    [InlineData("定时 后天9:05 通报 例会", "2020-03-06T09:05:00+08:00")]
    [InlineData("定时 3月10日 08:00 通报 例会", "2020-03-10T08:00:00+08:00")]
    [InlineData("定时 2020-03-12 08:00 广播 武汉：例会", "2020-03-12T08:00:00+08:00")]
    [InlineData("定时 08:00 通报 例会", "2020-03-05T08:00:00+08:00")]
    [InlineData("定时 11：00 通报 例会", "2020-03-04T11:00:00+08:00")]
    public void Parse_Scheduled_ReadsTimeInChina(string text, string expected)
    {
        var command = ManagerCommandParser.Parse(text, Now);

        Assert.Equal(ManagerCommandKind.Broadcast, command?.Kind);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), command!.At);
    }

    [Fact]
    public void Parse_ScheduledEarlyNextYear_OnNewYearsEve_IsNextYear()
    {
        var newYearsEve = new DateTimeOffset(2020, 12, 31, 20, 0, 0, TimeSpan.FromHours(8));

        var command = ManagerCommandParser.Parse("定时 1月2日 08:00 通报 新年例会", newYearsEve);

        Assert.Equal(new DateTimeOffset(2021, 1, 2, 8, 0, 0, TimeSpan.FromHours(8)), command?.At);
    }

    [Theory]
    [InlineData("定时 昨天08:00 通报 例会")]
    [InlineData("定时 今天08:00 通报 已经过去")]
    [InlineData("定时 明天25:00 通报 例会")]
    [InlineData("定时 2月30日 08:00 通报 例会")]
    [InlineData("定时 0月5日 08:00 通报 例会")]
    [InlineData("定时 3月0日 08:00 通报 例会")]
    [InlineData("定时 13月1日 08:00 通报 例会")]
    public void Parse_ScheduledAtBadOrPastTime_IsBadTime(string text)
    {
        Assert.Equal(ManagerCommandKind.BadTime, ManagerCommandParser.Parse(text, Now)?.Kind);
    }

    [Theory]
    [InlineData("确认", ManagerCommandKind.Confirm)]
    [InlineData("確認", ManagerCommandKind.Confirm)]
    [InlineData("确定！", ManagerCommandKind.Confirm)]
    [InlineData("取消", ManagerCommandKind.Cancel)]
    [InlineData("算了", ManagerCommandKind.Cancel)]
    [InlineData("撤回刚才的通报", ManagerCommandKind.Recall)]
    public void Parse_Words_AreTheirCommands(string text, ManagerCommandKind expected)
    {
        Assert.Equal(expected, ManagerCommandParser.Parse(text, Now)?.Kind);
    }

    [Theory]
    [InlineData("进度")]
    [InlineData("今日进度 襄阳")]
    [InlineData("恩施教材配送累计多少了")]
    [InlineData("通报")]
    [InlineData("")]
    public void Parse_NotACommand_ReturnsNull(string text)
    {
        Assert.Null(ManagerCommandParser.Parse(text, Now));
    }
}
