using System.Text;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Ingestion;

namespace ChatPost.Bot.Tests.Ingestion;

public partial class IngestBatchParserTests
{
    [Fact]
    public void Parse_InvoiceContractExample_NormalisedApplication()
    {
        var batch = ParseInvoices($"[{ValidInvoice}]");

        Assert.Equal(
            new InvoiceApplication("FP20200217000123", "91429005MA4951234A", "华润湖北江汉医药有限公司", "潜江", InvoiceStatus.Mailed,
                DateTimeOffset.Parse("2020-02-18T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture), "1173456789012", null),
            Assert.Single(batch!.Valid));
    }

    public static TheoryData<string, string?, string?> InvalidInvoiceFields => new()
    {
        { "applicationNo", null, "applicationNo: required" },
        { "applicationNo", "\"FP123\"", "applicationNo: must be FP and 14 digits" },
        { "applicationNo", "\"FP202002170001234\"", "applicationNo: must be FP and 14 digits" },
        { "applicationNo", "20200217000123", "applicationNo: must be a string" },
        { "taxpayerId", null, "taxpayerId: required" },
        { "taxpayerId", "\"91429005MA49512\"", null }, // 15 characters: valid
        { "taxpayerId", "\"91429005MA495\"", "taxpayerId: must be 15 to 20 digits or capital letters" },
        { "taxpayerId", "\"91429005MA4951234A123\"", "taxpayerId: must be 15 to 20 digits or capital letters" },
        { "taxpayerId", "\"91429005-MA4951234A\"", "taxpayerId: must be 15 to 20 digits or capital letters" },
        { "taxpayerName", $"\"{new string('华', 201)}\"", "taxpayerName: longer than 200 characters" },
        { "taxpayerName", "42", "taxpayerName: must be a string" },
        { "city", "\"Qianjiang\"", "city: not one of the seventeen city branches" },
        { "status", "\"shipped\"", "status: unknown; expected one of submitted, approved, issued, mailed, delivered, rejected" },
        { "status", null, "status: required" },
        { "time", "\"2020-02-18T09:00:00\"", "time: must be an ISO 8601 date and time with an offset" },
        { "trackingNo", "\"ABC\"", "trackingNo: must be an S10 number" },
        { "note", $"\"{new string('因', 501)}\"", "note: longer than 500 characters" },
    };

    [Theory]
    [MemberData(nameof(InvalidInvoiceFields))]
    public void Parse_InvoiceField_RejectedWithFieldAndRuleOrValid(string field, string? json, string? reason)
    {
        var batch = ParseInvoices($"[{With(ValidInvoice, field, json)}]");

        if (reason is null)
        {
            Assert.Single(batch!.Valid);
            return;
        }

        Assert.Empty(batch!.Valid);
        Assert.StartsWith(reason, Assert.Single(batch.Rejected).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("\"\"", false)]
    [InlineData("\"  \"", false)]
    [InlineData("\"纳税人识别号与名称不符\"", true)]
    public void Parse_RejectedApplication_NeedsANote(string? note, bool valid)
    {
        var record = With(With(ValidInvoice, "status", "\"rejected\""), "note", note);

        var batch = ParseInvoices($"[{record}]");

        Assert.Equal(valid, batch!.Valid.Count == 1);
        if (!valid)
        {
            Assert.Equal((0, "note: required when status is rejected"), Reason(Assert.Single(batch.Rejected)));
        }
    }

    [Fact]
    public void Parse_LowerCaseTaxpayerId_NormalisedToUpperCase()
    {
        var batch = ParseInvoices($"[{With(ValidInvoice, "taxpayerId", "\"91429005ma4951234a\"")}]");

        Assert.Equal("91429005MA4951234A", Assert.Single(batch!.Valid).TaxpayerId);
    }

    private static ParsedBatch<InvoiceApplication>? ParseInvoices(string body) =>
        IngestBatchParser.Parse(Encoding.UTF8.GetBytes(body), IngestKinds.InvoiceApplications, Now, out _);
}
