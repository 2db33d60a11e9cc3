using System.Text;
using ChatPost.Bot.Channels;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Ingestion;
using ChatPost.Bot.Ingestion.Spreadsheets;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Tests.Ingestion.Spreadsheets;

public class SpreadsheetImportTests
{
    private readonly MemoryIngestionStore _store = new(Options.Create(new IngestOptions()), TimeProvider.System);

    [Fact]
    public async Task ImportAsync_AnInvoiceSheet_StoresTheValidRowsAsTheApiWould_AndNumbersTheBadOnes()
    {
        var sheet = "申请编号,纳税人识别号,市州,状态,时间,备注\r\n"
            + "FP20200217000123,91429005MA4951234A,潜江,已寄出,2020-02-18 09:00,\r\n"
            + "FP20200220000088,91420100MA4K12345K,武汉,未通过,2020-02-20 11:00,\r\n";

        var result = await CreateSut().ImportAsync(RecordKind.InvoiceApplications, Encoding.UTF8.GetBytes(sheet), default);

        Assert.Equal((2, 1, 0), (result.Rows, result.Accepted, result.Duplicates));
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal((3, "备注：状态为“未通过”时必填（写明原因）"), (rejected.Row, Assert.Single(rejected.Problems).ToChinese()));
        Assert.Equal(InvoiceStatus.Mailed, (await ((IInvoiceLookup)_store).FindAsync("FP20200217000123", default))!.Status);
    }

    [Fact]
    public async Task ImportAsync_AFileOverTheApisBodyLimit_IsRefusedUnread()
    {
        var result = await CreateSut().ImportAsync(RecordKind.Shipments, new byte[SpreadsheetImport.MaxFileBytes + 1], default);

        Assert.Equal(SpreadsheetProblemKind.TooLarge, result.Problem!.Kind);
        Assert.Equal(0, result.Rows);
    }

    private SpreadsheetImport CreateSut() => new(
        new IngestionHandler(_store, new LateReplyOutbox(new MemoryWorkBacklog(TimeProvider.System), TimeProvider.System), TimeProvider.System, TestMetrics.Create(), NullLogger<IngestionHandler>.Instance), TimeProvider.System);
}
