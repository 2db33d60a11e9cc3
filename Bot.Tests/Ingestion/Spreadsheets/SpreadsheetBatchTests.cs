using System.Globalization;
using System.IO.Compression;
using System.Text;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Ingestion;
using ChatPost.Bot.Ingestion.Spreadsheets;
using MiniExcelLibs;

namespace ChatPost.Bot.Tests.Ingestion.Spreadsheets;

public class SpreadsheetBatchTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2020-03-05T00:00:00Z", CultureInfo.InvariantCulture);

    /// <summary>A branch's export: a title row, Chinese headers and names, a city with 市, local times, a blank row.</summary>
    private const string Export = """
        2020年3月4日 襄阳、恩施投递清单,,,,,,,
        邮件号,业务,市州,状态,时间,地点,说明,收件人电话
        EA123456785CN,交管证照,襄阳市,已签收,2020-03-04 10:15,襄州区交通路投递站,"已签收，本人收",138 0000 1234
        ,,,,,,,
        9876543210123,教材,恩施州,派送中,2020/3/4 9:00,,,
        """;

    public static TheoryData<string> Encodings => ["utf-8", "utf-8-bom", "gb18030"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Read_ABranchsCsvExport_GivesTheRecordsTheApiWouldStore(string encoding)
    {
        var (batch, rows) = Read(Encode(Export, encoding), out var problem)!.Value;

        Assert.Null(problem);
        Assert.Empty(batch.Rejected);
        Assert.Equal([3, 5], rows);
        Assert.Equal(
            [
                new ShipmentEvent("EA123456785CN", Business.License, "襄阳", ShipmentStatus.Delivered, At("2020-03-04T10:15:00+08:00"),
                    "襄州区交通路投递站", "已签收，本人收", "13800001234", null),
                new ShipmentEvent("9876543210123", Business.Textbook, "恩施", ShipmentStatus.OutForDelivery, At("2020-03-04T09:00:00+08:00"),
                    null, null, null, null),
            ],
            batch.Valid);
    }

    [Fact]
    public void Read_BadRows_AreRejectedByTheApisOwnRules_WithTheirRowNumbers()
    {
        var csv = """
            trackingNo,business,city,status,time,receiverPhone
            EA123456785CN,license,北京,delivered,2020-03-04T10:15:00+08:00,
            EA123456785CN,license,襄阳,,2020-03-04T10:15:00+08:00,1380000123
            EA123456785CN,license,襄阳,delivered,2020-03-04T10:15:00+08:00,13800001234
            EA12345CN,快递,襄阳,delivered,昨天,
            """;

        var (batch, rows) = Read(Encoding.UTF8.GetBytes(csv), out _)!.Value;
        var rejected = batch.Rejected.Select(rejection => (rows[rejection.Index], string.Join(", ", rejection.Problems.Select(p => $"{p.Field} {p.Rule}")))).ToList();

        Assert.Single(batch.Valid);
        Assert.Equal(
            [
                (2, "city NotACity"),
                (3, "status Required, receiverPhone PhoneShape"),
                (5, "trackingNo TrackingNoShape, business UnknownBusiness, time TimeShape"),
            ],
            rejected);
        var city = batch.Rejected[0].Problems[0];
        Assert.Equal(("市州：不是十七个市州之一", "city: not one of the seventeen city branches"), (city.ToChinese(), city.ToEnglish()));
        Assert.Equal("业务：无法识别，应为 交管证照、税务发票、教材、教辅资料、其他", batch.Rejected[2].Problems[1].ToChinese());
    }

    [Fact]
    public void Read_XlsxWithTypedCells_ReadsDatesAsChinaTimeAndNumbersAsTheirDigits()
    {
        var xlsx = Xlsx(new Dictionary<string, object?>
        {
            ["发票申请编号"] = "FP20200217000123", ["纳税人识别号"] = "91429005MA4951234A", ["市州"] = "潜江", ["状态"] = "已寄出",
            ["时间"] = new DateTime(2020, 2, 18, 9, 0, 0), ["邮件号"] = 1173456789012d,
        });

        var (batch, rows) = Read(xlsx, out var problem, IngestKinds.InvoiceApplications)!.Value;

        Assert.Null(problem);
        Assert.Equal([2], rows);
        Assert.Equal(new InvoiceApplication("FP20200217000123", "91429005MA4951234A", null, "潜江", InvoiceStatus.Mailed, At("2020-02-18T09:00:00+08:00"),
            "1173456789012", null), Assert.Single(batch.Valid));
    }

    public static TheoryData<string, string, SpreadsheetProblemKind, string?> Refusals => new()
    {
        { "unknown column", "邮件号,业务,市州,状态,时间,重量,寄件人\r\nEA123456785CN,license,襄阳,delivered,2020-03-04 10:15,1,张三\r\n", SpreadsheetProblemKind.UnknownColumns, "重量、寄件人" },
        { "twice", "邮件号,运单号,市州\r\n", SpreadsheetProblemKind.DuplicateColumn, "邮件号" },
        { "unnamed", "邮件号,市州,,状态\r\nEA123456785CN,襄阳,13800001234,delivered\r\n", SpreadsheetProblemKind.UnnamedColumn, "C" },
        { "no header", "EA123456785CN,license,襄阳\r\n", SpreadsheetProblemKind.NoHeader, null },
        { "empty", "", SpreadsheetProblemKind.NoHeader, null },
        { "old excel", "\u00D0\u00CF\u0011\u00E0", SpreadsheetProblemKind.OldExcel, null },
        { "a damaged xlsx", "PK\u0003\u0004 not really a zip", SpreadsheetProblemKind.Unreadable, null },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Read_AFileThatCannotBeOneBatch_IsRefusedWhole(string name, string content, SpreadsheetProblemKind kind, string? detail)
    {
        var bytes = name == "old excel" ? [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1] : Encoding.UTF8.GetBytes(content);

        var read = Read(bytes, out var problem);

        Assert.Null(read);
        Assert.Equal(new SpreadsheetProblem(kind, detail), problem);
    }

    [Fact]
    public void Read_MoreRowsThanOneBatch_IsRefusedWhole()
    {
        var csv = new StringBuilder("邮件号,业务,市州,状态,时间\r\n");
        for (var i = 0; i <= IngestLimits.MaxRecords; i++)
        {
            csv.Append("EA123456785CN,license,襄阳,delivered,2020-03-04 10:15\r\n");
        }

        Assert.Null(Read(Encoding.UTF8.GetBytes(csv.ToString()), out var problem));
        Assert.Equal(SpreadsheetProblemKind.TooManyRows, problem!.Kind);
    }

    [Fact]
    public void Read_AnXlsxThatUnpacksToMoreThanItsLimit_IsRefusedBeforeItIsRead()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i <= SpreadsheetRows.MaxUnpackedBytes >> 20; i++)
            {
                entry.Write(zeros);
            }
        }

        Assert.True(zip.Length < 1 << 20, "a bomb: small packed");
        Assert.Null(Read(zip.ToArray(), out var problem));
        Assert.Equal(SpreadsheetProblemKind.TooLarge, problem!.Kind);
    }

    [Fact]
    public void Read_AnXlsxWhoseSheetDeclaresADtd_IsUnreadable_ItsEntitiesNeverExpanded()
    {
        using var file = new MemoryStream();
        file.Write(Xlsx(new Dictionary<string, object?> { ["邮件号"] = "EA123456785CN", ["市州"] = "襄阳" }));
        using (var zip = new ZipArchive(file, ZipArchiveMode.Update, leaveOpen: true))
        {
            var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(sheet.Open()))
            {
                xml = reader.ReadToEnd();
            }

            sheet.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(xml.Replace("?>", "?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>", StringComparison.Ordinal)
                .Replace("襄阳", "&b;", StringComparison.Ordinal));
        }

        Assert.Null(Read(file.ToArray(), out var problem));
        Assert.Equal(SpreadsheetProblemKind.Unreadable, problem!.Kind);
    }

    [Theory]
    [InlineData(RecordKind.Shipments, false)]
    [InlineData(RecordKind.Shipments, true)]
    [InlineData(RecordKind.InvoiceApplications, false)]
    [InlineData(RecordKind.InvoiceApplications, true)]
    public void Template_NamesEveryFieldOfItsKind_AndReadsBackAsAnEmptyBatch(RecordKind kind, bool xlsx)
    {
        var template = SpreadsheetTemplate.Write(kind, xlsx);

        var read = kind == RecordKind.Shipments ? Read(template, out var problem)?.Batch.Total : Read(template, out problem, IngestKinds.InvoiceApplications)?.Batch.Total;

        Assert.Null(problem);
        Assert.Equal(0, read);
        var fields = (kind == RecordKind.Shipments ? IngestKinds.Shipments.JsonType.Properties : IngestKinds.InvoiceApplications.JsonType.Properties).Select(property => property.Name);
        Assert.Equal(fields.Order(), SpreadsheetTemplate.Columns(kind).Select(column => column.Field).Order());
    }

    private static (ParsedBatch<ShipmentEvent> Batch, IReadOnlyList<int> Rows)? Read(byte[] file, out SpreadsheetProblem? problem) =>
        SpreadsheetBatch.Read(file, IngestKinds.Shipments, Now, out problem);

    private static (ParsedBatch<T> Batch, IReadOnlyList<int> Rows)? Read<TDto, T>(byte[] file, out SpreadsheetProblem? problem, IngestKind<TDto, T> kind)
        where TDto : class
        where T : class => SpreadsheetBatch.Read(file, kind, Now, out problem);

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "gb18030" => CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetBytes(text),
        _ => Encoding.UTF8.GetBytes(text),
    };

    /// <summary>An XLSX with a header row (the keys) and <paramref name="rows"/>, their cells typed as given.</summary>
    internal static byte[] Xlsx(params Dictionary<string, object?>[] rows)
    {
        using var file = new MemoryStream();
        file.SaveAs(rows);
        return file.ToArray();
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
