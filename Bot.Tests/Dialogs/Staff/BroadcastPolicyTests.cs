using ChatPost.Bot.Dialogs.Staff;
using Moq;

namespace ChatPost.Bot.Tests.Dialogs.Staff;

public class BroadcastPolicyTests
{
    public static readonly IStaffDirectory Directory = CreateDirectory();

    [Theory]
    [InlineData("province-boss", "", "", "wh-1,wh-2,xy-1,es-1,sheng")]
    [InlineData("province-boss", "恩施,孝感", "", "es-1")]
    [InlineData("province-boss", "", "xy-1", "xy-1")]
    [InlineData("wuhan-boss", "", "", "wh-1,wh-2")]
    [InlineData("wuhan-boss", "武汉", "", "wh-1,wh-2")]
    [InlineData("wuhan-boss", "", "wh-2", "wh-2")]
    public void Resolve_ManagerWithinScope_ReachesTheGroups(string manager, string cities, string groups, string expected)
    {
        var (reached, refusal) = BroadcastPolicy.Resolve(Request(manager, cities, groups), Directory);

        Assert.Null(refusal);
        Assert.Equal(expected, string.Join(',', reached.Select(group => group.Id)));
    }

    [Theory]
    [InlineData("someone", "", "", "只有通报管理员")]
    [InlineData("wuhan-boss", "恩施", "", "您只能向武汉")]
    [InlineData("wuhan-boss", "武汉,恩施", "", "您只能向武汉")]
    [InlineData("wuhan-boss", "", "xy-1", "您只能向武汉")]
    [InlineData("wuhan-boss", "", "sheng", "您只能向武汉")]
    [InlineData("province-boss", "上海", "", "没有“上海”")]
    [InlineData("province-boss", "", "nope", "没有编号为“nope”")]
    [InlineData("province-boss", "孝感", "", "没有符合条件")]
    public void Resolve_NotAllowed_IsRefusedWithReason(string manager, string cities, string groups, string reason)
    {
        var (reached, refusal) = BroadcastPolicy.Resolve(Request(manager, cities, groups), Directory);

        Assert.Empty(reached);
        Assert.StartsWith(reason, refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, "只有通报管理员可以发布通报。")]
    public void Resolve_NoManagerNamed_AllowedOnlyForTheAdminKeyOperator(bool operatorAllowed, string? refusal)
    {
        var request = new BroadcastRequest(null, "text", null, [], [], null, null, "api");

        Assert.Equal(refusal, BroadcastPolicy.Resolve(request, Directory, operatorAllowed).Refusal);
    }

    private static BroadcastRequest Request(string manager, string cities, string groups) =>
        new(manager, "内容", null, cities.Split(',', StringSplitOptions.RemoveEmptyEntries), groups.Split(',', StringSplitOptions.RemoveEmptyEntries),
            null, null, "chat");

    private static IStaffDirectory CreateDirectory()
    {
        var directory = new Mock<IStaffDirectory>();
        directory.SetupGet(d => d.Groups).Returns(
        [
            new StaffGroupInfo("wh-1", "武汉分公司工作群", "武汉"), new StaffGroupInfo("wh-2", "武汉投递群", "武汉"),
            new StaffGroupInfo("xy-1", "襄阳分公司工作群", "襄阳"), new StaffGroupInfo("es-1", "恩施分公司工作群", "恩施"),
            new StaffGroupInfo("sheng", "省公司工作群", null),
        ]);
        directory.Setup(d => d.FindManager("province-boss")).Returns(new Manager("province-boss", "省公司", Manager.Province));
        directory.Setup(d => d.FindManager("wuhan-boss")).Returns(new Manager("wuhan-boss", "武汉", "武汉"));
        return directory.Object;
    }
}
