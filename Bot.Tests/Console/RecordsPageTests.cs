using Microsoft.Playwright;

namespace ChatPost.Bot.Tests.Console;

[Collection(ConsoleBrowserGroup.Name)]
public class RecordsPageTests(ConsoleBrowser browser)
{
    [Fact]
    public async Task Staff_LookUpATrackingNumber_AndSeeItMaskedAsCitizensDo()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        await site.IngestShipmentsAsync(new
        {
            trackingNo = "EA123456785CN", business = "license", city = "襄阳", status = "delivered", time = ConsoleSite.TodayAt(8),
            location = "襄州区交通路投递站", description = "已签收，签收人：张三丰 13800001234", receiverPhone = "13800001234",
        }, new
        {
            trackingNo = "EA123456785CN", business = "license", city = "襄阳", status = "accepted", time = ConsoleSite.TodayAt(6),
            location = "襄阳市车管所", description = "张三丰 13800001234 交寄",
        });
        var page = await site.OpenAsync(ConsoleBrowser.Phone);
        await site.SignInWithWeComAsync(page, "zhangsan");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "控制台" }).GetByRole(AriaRole.Link, new() { Name = "查询" }).ClickAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "邮件号、申请编号或纳税人识别号" }).FillAsync("ea 1234 5678 5cn");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var result = page.GetByRole(AriaRole.Region, new() { Name = "邮件号 EA123456785CN" });
        await ConsoleSite.ScreenshotAsync(page, "records-phone");

        var text = await ConsoleSite.TextOfAsync(result);
        var timeline = await result.GetByRole(AriaRole.List, new() { Name = "物流轨迹" }).GetByRole(AriaRole.Listitem).AllInnerTextsAsync();
        Assert.Contains("地点：襄州区交通路投递站", text, StringComparison.Ordinal);
        Assert.Contains("签收人：张** 138****1234", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13800001234", text, StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", text, StringComparison.Ordinal);
        // Every event, newest first, by state and time only: the timeline says nothing the answer does not mask.
        var today = ConsoleSite.TodayAt(0)[..10];
        Assert.Equal([$"{today} 08:00 已签收", $"{today} 06:00 已收寄"], timeline);
    }
}
