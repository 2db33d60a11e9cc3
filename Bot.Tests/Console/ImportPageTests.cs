using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Tests.Ingestion.Spreadsheets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChatPost.Bot.Tests.Console;

[Collection(ConsoleBrowserGroup.Name)]
public class ImportPageTests(ConsoleBrowser browser)
{
    [Fact]
    public async Task Operator_ImportsABranchsExportWithBadRows_TheGoodRowIsStoredAndEachBadRowSaysWhy()
    {
        await using var site = await ConsoleSite.StartAsync(browser);
        var page = await site.OpenAsync(ConsoleBrowser.Desk);
        await ConsoleSite.SignInAsOperatorAsync(page);
        var export = SpreadsheetBatchTests.Xlsx(
            Row("EA123456785CN", "襄阳市", "13800001234"),
            Row("EA123456794CN", "北京", "13900005678"),
            Row("EA123456803CN", "襄阳", "1390000567"));

        await page.GetByRole(AriaRole.Navigation, new() { Name = "控制台" }).GetByRole(AriaRole.Link, new() { Name = "导入" }).ClickAsync();
        await page.GetByLabel("邮件轨迹").CheckAsync();
        await page.GetByLabel("表格文件").SetInputFilesAsync(new FilePayload { Name = "襄阳3月4日.xlsx", MimeType = "application/octet-stream", Buffer = export });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        var tally = page.GetByRole(AriaRole.Group, new() { Name = "导入统计" });
        await Assertions.Expect(tally).ToHaveTextAsync("3 行 1 新增 0 已有 2 有误");
        var badRows = await page.GetByRole(AriaRole.Table, new() { Name = "有误的行" }).GetByRole(AriaRole.Row).AllInnerTextsAsync();
        var result = await ConsoleSite.TextOfAsync(page.GetByRole(AriaRole.Region, new() { NameRegex = new("^导入结果") }));
        await ConsoleSite.ScreenshotBothWidthsAsync(page, "import");

        Assert.Equal(["行号\t原因", "第 3 行\t市州：不是十七个市州之一", "第 4 行\t收件人电话：应为 1 开头的 11 位手机号"], badRows);
        Assert.DoesNotContain("1390000567", result, StringComparison.Ordinal); // the reasons never repeat the values
        var stored = await site.Factory.Services.GetRequiredService<IShipmentLookup>().FindAsync("EA123456785CN", default);
        Assert.Equal(("襄阳", "13800001234"), (stored!.Latest.City, stored.Latest.ReceiverPhone));
        Assert.Null(await site.Factory.Services.GetRequiredService<IShipmentLookup>().FindAsync("EA123456803CN", default));

        // The same file again: nothing is stored twice.
        await page.GetByLabel("表格文件").SetInputFilesAsync(new FilePayload { Name = "襄阳3月4日.xlsx", MimeType = "application/octet-stream", Buffer = export });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await Assertions.Expect(tally).ToHaveTextAsync("3 行 0 新增 1 已有 2 有误");
    }

    private static Dictionary<string, object?> Row(string trackingNo, string city, string phone) => new()
    {
        ["邮件号"] = trackingNo, ["业务"] = "交管证照", ["市州"] = city, ["状态"] = "已签收",
        ["时间"] = DateTime.UtcNow.AddHours(8).Date.AddHours(8), ["地点"] = "襄州区交通路投递站", ["收件人电话"] = phone,
    };
}
