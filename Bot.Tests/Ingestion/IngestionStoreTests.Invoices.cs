using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Ingestion;

namespace ChatPost.Bot.Tests.Ingestion;

public partial class IngestionStoreTests
{
    private const string Taxpayer = "91429005MA4951234A";

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task AddInvoiceApplicationsAsync_OlderStateArrivesLate_LatestWins(string implementation)
    {
        var sut = CreateSut(implementation);
        var mailed = Application("FP20200217000123", InvoiceStatus.Mailed, Time("2020-02-18T09:00:00+08:00")) with { TrackingNo = "1173456789012" };
        await sut.Store.AddInvoiceApplicationsAsync([mailed], default);

        var late = await sut.Store.AddInvoiceApplicationsAsync([Application("FP20200217000123", InvoiceStatus.Approved, Time("2020-02-17T15:00:00+08:00"))], default);

        Assert.Equal(new StoreResult(1, 0), late);
        Assert.Equal(mailed, await sut.Invoices.FindAsync("FP20200217000123", default));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task AddInvoiceApplicationsAsync_NewerState_Replaces(string implementation)
    {
        var sut = CreateSut(implementation);
        await sut.Store.AddInvoiceApplicationsAsync([Application("FP20200217000123", InvoiceStatus.Submitted, Time("2020-02-17T09:00:00+08:00"))], default);
        var rejected = Application("FP20200217000123", InvoiceStatus.Rejected, Time("2020-02-17T11:00:00+08:00")) with { Note = "纳税人识别号与名称不符" };

        await sut.Store.AddInvoiceApplicationsAsync([rejected], default);

        Assert.Equal(rejected, await sut.Invoices.FindAsync("fp20200217000123", default));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task AddInvoiceApplicationsAsync_SameStateTwice_SecondIsADuplicate(string implementation)
    {
        var sut = CreateSut(implementation);
        var submitted = Application("FP20200217000123", InvoiceStatus.Submitted, Time("2020-02-17T09:00:00+08:00"));

        var result = await sut.Store.AddInvoiceApplicationsAsync([submitted, submitted], default);

        Assert.Equal(new StoreResult(1, 1), result);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task FindLatestByTaxpayerAsync_SeveralApplications_ReturnsTheLatestByTimeWhateverTheArrivalOrder(string implementation)
    {
        var sut = CreateSut(implementation);
        await sut.Store.AddInvoiceApplicationsAsync(
        [
            Application("FP20200301000002", InvoiceStatus.Submitted, Time("2020-03-01T09:00:00+08:00")),
            Application("FP20200201000001", InvoiceStatus.Delivered, Time("2020-02-05T09:00:00+08:00")),
            Application("FP20200101000003", InvoiceStatus.Submitted, Time("2020-01-01T09:00:00+08:00")),
            Application("FP20200301000009", InvoiceStatus.Submitted, Time("2020-04-01T09:00:00+08:00")) with { TaxpayerId = "91420100MA4K00000X" },
        ], default);

        var latest = await sut.Invoices.FindLatestByTaxpayerAsync(Taxpayer.ToLowerInvariant(), default);

        Assert.Equal("FP20200301000002", latest!.ApplicationNo);
        Assert.Null(await sut.Invoices.FindLatestByTaxpayerAsync("91429005MA0000000Z", default));
        Assert.Null(await sut.Invoices.FindLatestByTaxpayerAsync("not an id", default));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task FindLatestByTaxpayerAsync_OlderApplicationUpdatedLater_StillOrderedByItsTime(string implementation)
    {
        var sut = CreateSut(implementation);
        await sut.Store.AddInvoiceApplicationsAsync(
        [
            Application("FP20200201000001", InvoiceStatus.Submitted, Time("2020-02-01T09:00:00+08:00")),
            Application("FP20200210000002", InvoiceStatus.Submitted, Time("2020-02-10T09:00:00+08:00")),
        ], default);

        await sut.Store.AddInvoiceApplicationsAsync([Application("FP20200201000001", InvoiceStatus.Mailed, Time("2020-02-20T09:00:00+08:00"))], default);

        Assert.Equal("FP20200201000001", (await sut.Invoices.FindLatestByTaxpayerAsync(Taxpayer, default))!.ApplicationNo);
    }

    private static InvoiceApplication Application(string applicationNo, InvoiceStatus status, DateTimeOffset time) =>
        new(applicationNo, Taxpayer, "华润湖北江汉医药有限公司", "潜江", status, time, null, null);
}
