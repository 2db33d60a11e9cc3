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
    public async Task DevAsk_OutsideDevelopment_IsNotMapped()
    {
        await using var factory = new ChatPostFactory(null);

        var response = await factory.CreateClient().GetAsync("/dev/ask?q=hi");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
