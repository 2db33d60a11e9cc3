using System.Net;
using ChatPost.Bot.Demo;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Dialogs.Understanding;
using ChatPost.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatPost.Bot.Tests.Demo;

public class DemoTests
{
    [Fact]
    public void DemoRecords_CoverEveryCityAndBusinessLineWithValidRecords()
    {
        var today = new DateOnly(2020, 3, 4);

        var shipments = DemoRecords.Shipments(today);
        var applications = DemoRecords.InvoiceApplications(today);

        Assert.Equal(Cities.All.Order(), shipments.Select(e => e.City).Distinct().Order());
        Assert.Equal(Enum.GetValues<Business>(), shipments.Select(e => e.Business).Distinct().Order());
        Assert.InRange(shipments.Select(e => e.TrackingNo).Distinct().Count(), 300, 400);
        Assert.All(shipments, e => Assert.True(e.Time < new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).AddDays(1)));
        Assert.Equal(Enum.GetValues<InvoiceStatus>(), applications.Select(a => a.Status).Distinct().Order());
        Assert.All(applications.Where(a => a.Status == InvoiceStatus.Rejected), a => Assert.False(string.IsNullOrEmpty(a.Note)));
    }

    [Theory]
    [InlineData("EA123456785CN")]
    [InlineData("EA987654326CN")]
    [InlineData("EM123456785CN")]
    public void DemoRecords_NamedS10Numbers_HaveValidCheckDigits(string number)
    {
        var understood = new CitizenRecognizer().Recognize(number, new DateOnly(2020, 3, 4));

        Assert.True(Assert.Single(understood.TrackingNumbers).IsCheckDigitValid);
    }

    [Fact]
    public async Task DevAsk_EmbeddedDevelopmentDefault_AnswersFromDemoData()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host.UseEnvironment("Development"));

        var response = await factory.CreateClient().GetAsync("/dev/ask?q=" + Uri.EscapeDataString("EA123456785CN到哪了"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("最新状态：已签收", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DemoSeeder>());
    }

    [Fact]
    public async Task DevAsk_AsMembersOfTheXiangyangDemoGroup_ItsCitysFiguresAndTheConfirmationOnlyForItsManager()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host.UseEnvironment("Development"));
        var client = factory.CreateClient();
        Task<string> AskAsync(string q, string user) => client.GetStringAsync(
            $"/dev/ask?q={Uri.EscapeDataString(q)}&group={Uri.EscapeDataString("襄阳")}&user={user}");

        var progress = await AskAsync("进度", "demo-clerk");
        var preview = await AskAsync("广播 襄阳：今晚清零", "demo-manager");
        var bystander = await AskAsync("确认", "demo-clerk");
        var unknown = await client.GetAsync("/dev/ask?q=hi&group=nowhere");

        Assert.StartsWith("襄阳 ", progress, StringComparison.Ordinal);
        Assert.StartsWith("将立即发送给 1 个工作群（襄阳分公司工作群）", preview, StringComparison.Ordinal);
        Assert.Contains("[按钮：确认 / 取消]", preview, StringComparison.Ordinal);
        Assert.StartsWith("抱歉，这条通报只能由发起它的管理员确认或取消。", bystander, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task DevAsk_OutsideDevelopment_IsNotMapped()
    {
        await using var factory = new ChatPostFactory(null);

        var response = await factory.CreateClient().GetAsync("/dev/ask?q=hi");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
