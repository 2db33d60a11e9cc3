using System.Text;
using System.Text.Json.Nodes;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Ingestion;

namespace ChatPost.Bot.Tests.Ingestion;

public partial class IngestBatchParserTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2020-03-05T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    internal const string ValidShipment = """
        { "trackingNo": "EA123456785CN", "business": "license", "city": "襄阳", "status": "delivered",
          "time": "2020-03-04T10:15:00+08:00", "location": "襄州区交通路投递站", "description": "已签收，本人收",
          "receiverPhone": "13800001234", "applicationNo": null }
        """;

    internal const string ValidInvoice = """
        { "applicationNo": "FP20200217000123", "taxpayerId": "91429005MA4951234A", "taxpayerName": "华润湖北江汉医药有限公司",
          "city": "潜江", "status": "mailed", "time": "2020-02-18T09:00:00+08:00", "trackingNo": "1173456789012" }
        """;

    [Fact]
    public void Parse_ContractExample_NormalisedEvent()
    {
        var batch = ParseShipments($"[{ValidShipment}]");

        var item = Assert.Single(batch!.Valid);
        Assert.Empty(batch.Rejected);
        Assert.Equal(
            new ShipmentEvent("EA123456785CN", Business.License, "襄阳", ShipmentStatus.Delivered, DateTimeOffset.Parse("2020-03-04T10:15:00+08:00", System.Globalization.CultureInfo.InvariantCulture),
                "襄州区交通路投递站", "已签收，本人收", "13800001234", null),
            item);
        Assert.Equal(TimeSpan.FromHours(8), item.Time.Offset);
    }

    [Theory]
    [InlineData("trackingNo", "\" ea 123456785 cn \"", "EA123456785CN")]
    [InlineData("trackingNo", "\"1173456789012\"", "1173456789012")]
    [InlineData("trackingNo", "\"EA 1234 5678 5CN\"", "EA123456785CN")]
    [InlineData("receiverPhone", "\"\"", null)]
    [InlineData("receiverPhone", "\"138 0000 1234\"", "13800001234")]
    [InlineData("applicationNo", "\"fp20200217000123\"", "FP20200217000123")]
    [InlineData("location", "\"   \"", null)]
    [InlineData("location", null, null)]
    public void Parse_ShipmentField_Normalised(string field, string? json, string? expected)
    {
        var batch = ParseShipments($"[{With(ValidShipment, field, json)}]");

        var item = Assert.Single(batch!.Valid);
        Assert.Equal(expected, field switch
        {
            "trackingNo" => item.TrackingNo,
            "receiverPhone" => item.ReceiverPhone,
            "applicationNo" => item.ApplicationNo,
            _ => item.Location,
        });
    }

    public static TheoryData<string, string?, string> InvalidShipmentFields => new()
    {
        { "trackingNo", null, "trackingNo: required" },
        { "trackingNo", "\"\"", "trackingNo: required" },
        { "trackingNo", "null", "trackingNo: required" },
        { "trackingNo", "\"EA12345678CN\"", "trackingNo: must be an S10 number" },
        { "trackingNo", "\"E1123456785CN\"", "trackingNo: must be an S10 number" },
        { "trackingNo", "\"117345678901\"", "trackingNo: must be an S10 number" },
        { "trackingNo", "\"11734567890123\"", "trackingNo: must be an S10 number" },
        { "trackingNo", "\"ＥＡ123456785CN\"", "trackingNo: must be an S10 number" },
        { "trackingNo", "\"EA١٢٣٤٥٦٧٨٥CN\"", "trackingNo: must be an S10 number" },
        { "trackingNo", $"\"{new string('1', 65)}\"", "trackingNo: must be an S10 number" },
        { "trackingNo", "1173456789012", "trackingNo: must be a string" },
        { "business", null, "business: required" },
        { "business", "\"License\"", "business: unknown; expected one of license, invoice, textbook, study-material, other" },
        { "business", "\"licence\"", "business: unknown" },
        { "business", "true", "business: must be a string" },
        { "city", null, "city: required" },
        { "city", "\"北京\"", "city: not one of the seventeen city branches" },
        { "city", "\"襄阳市\"", "city: not one of the seventeen city branches" },
        { "city", "[\"襄阳\"]", "city: must be a string" },
        { "status", null, "status: required" },
        { "status", "\"signed\"", "status: unknown; expected one of accepted, in_transit, out_for_delivery, delivered, returned, exception" },
        { "status", "\"Delivered\"", "status: unknown" },
        { "status", "3", "status: must be a string" },
        { "time", null, "time: required" },
        { "time", "\"2020-03-04T10:15:00\"", "time: must be an ISO 8601 date and time with an offset" },
        { "time", "\"2020-03-04 10:15:00+08:00\"", "time: must be an ISO 8601" },
        { "time", "\"2020-03-04\"", "time: must be an ISO 8601" },
        { "time", "\"2020-02-30T10:15:00+08:00\"", "time: must be an ISO 8601" },
        { "time", "\"2020-03-04T10:15:00+25:00\"", "time: must be an ISO 8601" },
        { "time", "\"昨天\"", "time: must be an ISO 8601" },
        { "time", "\"1999-12-31T23:00:00+08:00\"", "time: must be after 2000-01-01 and at most a day ahead" },
        { "time", "\"2020-03-06T08:00:01+08:00\"", "time: must be after 2000-01-01 and at most a day ahead" },
        { "time", "1583288100", "time: must be a string" },
        { "location", $"\"{new string('路', 201)}\"", "location: longer than 200 characters" },
        { "location", "{ \"name\": \"投递站\" }", "location: must be a string" },
        { "description", $"\"{new string('收', 501)}\"", "description: longer than 500 characters" },
        { "description", "[]", "description: must be a string" },
        { "receiverPhone", "\"1380000123\"", "receiverPhone: must be 11 digits starting with 1" },
        { "receiverPhone", "\"23800001234\"", "receiverPhone: must be 11 digits starting with 1" },
        { "receiverPhone", "\"+8613800001234\"", "receiverPhone: must be 11 digits starting with 1" },
        { "receiverPhone", "13800001234", "receiverPhone: must be a string" },
        { "applicationNo", "\"FP2020021700012\"", "applicationNo: must be FP and 14 digits" },
        { "applicationNo", "\"XX20200217000123\"", "applicationNo: must be FP and 14 digits" },
    };

    [Theory]
    [MemberData(nameof(InvalidShipmentFields))]
    public void Parse_InvalidShipmentField_RejectedWithFieldAndRule(string field, string? json, string reason)
    {
        var batch = ParseShipments($"[{ValidShipment}, {With(ValidShipment, field, json)}]");

        Assert.Single(batch!.Valid);
        var rejected = Assert.Single(batch.Rejected);
        Assert.Equal(1, rejected.Index);
        Assert.StartsWith(reason, rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblemsInOneRecord_ListsThemAll()
    {
        var record = With(With(ValidShipment, "city", "\"北京\""), "status", "\"signed\"");

        var batch = ParseShipments($"[{record}]");

        var reason = Assert.Single(batch!.Rejected).Reason;
        Assert.Contains("city: not one of", reason, StringComparison.Ordinal);
        Assert.Contains("; status: unknown", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RejectionReasons_NeverContainTheValues()
    {
        var batch = ParseShipments($"[{With(With(ValidShipment, "receiverPhone", "\"1380000123\""), "trackingNo", "\"EA1234CN\"")}]");

        var reason = Assert.Single(batch!.Rejected).Reason;
        Assert.DoesNotContain("1380000123", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("EA1234CN", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownPropertiesAndOtherCase_RejectThatRecordNamingTheField()
    {
        var batch = ParseShipments($"[{With(ValidShipment, "weight", "{ \"grams\": 120 }")}, {With(Without(ValidShipment, "city"), "City", "\"襄阳\"")}, {ValidShipment}]");

        Assert.Single(batch!.Valid);
        Assert.Equal([(0, "weight: is not a field of the contract"), (1, "City: is not a field of the contract")], batch.Rejected.Select(Reason));
    }

    [Fact]
    public void Parse_PropertyGivenTwice_RejectsThatRecordOnly()
    {
        var twice = ValidShipment.Replace("\"status\": \"delivered\"", "\"status\": \"delivered\", \"status\": \"returned\"", StringComparison.Ordinal);

        var batch = ParseShipments($"[{twice}, {ValidShipment}]");

        Assert.Single(batch!.Valid);
        var rejected = Assert.Single(batch.Rejected);
        Assert.Equal(0, rejected.Index);
        Assert.StartsWith("status: must be a string or null, and given at most once", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownPropertyWithAnOddName_RejectedWithoutRepeatingTheName()
    {
        var odd = ValidShipment.Replace("{", "{ \"we ight<script>\": 1,", StringComparison.Ordinal);

        var batch = ParseShipments($"[{odd}]");

        Assert.Empty(batch!.Valid);
        Assert.Equal("a field: is not a field of the contract", Assert.Single(batch.Rejected).Reason);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("null")]
    [InlineData("\"EA123456785CN\"")]
    [InlineData("[]")]
    public void Parse_ElementNotAnObject_RejectedAtItsIndexOthersCount(string element)
    {
        var batch = ParseShipments($"[{ValidShipment}, {element}, {ValidShipment.Replace("EA123456785CN", "EA000000000CN", StringComparison.Ordinal)}]");

        Assert.Equal(2, batch!.Valid.Count);
        Assert.Equal((1, "record: must be a JSON object"), Reason(Assert.Single(batch.Rejected)));
        Assert.Equal(3, batch.Total);
    }

    [Fact]
    public void Parse_EmptyArray_EmptyBatch()
    {
        var batch = ParseShipments("[]");

        Assert.Equal(0, batch!.Total);
        Assert.Empty(batch.Valid);
        Assert.Empty(batch.Rejected);
    }

    [Theory]
    [InlineData("{}", 400)]
    [InlineData("\"x\"", 400)]
    [InlineData("null", 400)]
    [InlineData("", 400)]
    [InlineData("[{\"trackingNo\": ]", 400)]
    [InlineData("[{}] trailing", 400)]
    [InlineData("[{},]", 400)]
    [InlineData("[{} /* comment */]", 400)]
    public void Parse_NotAJsonArray_RefusesTheWholeBody(string body, int status)
    {
        var batch = ParseShipments(body, out var problem);

        Assert.Null(batch);
        Assert.Equal(status, problem.Status);
    }

    [Theory]
    [InlineData("[\"\u00FF\"]")]
    [InlineData("[{\"trackingNo\": \"\u00FF\"}]")]
    public void Parse_InvalidUtf8_RefusesTheWholeBody(string latin1)
    {
        var batch = IngestBatchParser.Parse(Encoding.Latin1.GetBytes(latin1), IngestKinds.Shipments, Now, out var problem);

        Assert.Null(batch);
        Assert.Equal(400, problem.Status);
    }

    [Fact]
    public void Parse_ByteOrderMark_Accepted()
    {
        var batch = IngestBatchParser.Parse(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"[{ValidShipment}]")).ToArray(), IngestKinds.Shipments, Now, out _);

        Assert.Single(batch!.Valid);
    }

    [Theory]
    [InlineData(IngestLimits.MaxRecords, true)]
    [InlineData(IngestLimits.MaxRecords + 1, false)]
    public void Parse_RecordCount_AtMostTheLimit(int count, bool allowed)
    {
        var body = "[" + string.Join(",", Enumerable.Repeat("{}", count)) + "]";

        var batch = ParseShipments(body, out var problem);

        Assert.Equal(allowed, batch is not null);
        Assert.Equal(allowed ? 0 : 413, problem.Status);
    }

    internal static string With(string record, string field, string? json)
    {
        var node = JsonNode.Parse(record)!.AsObject();
        if (json is null)
        {
            node.Remove(field);
        }
        else
        {
            node[field] = JsonNode.Parse(json);
        }

        return node.ToJsonString();
    }

    internal static string Without(string record, string field) => With(record, field, null);

    /// <summary>A rejection as the API answers it: the index and the English reason.</summary>
    private static (int Index, string Reason) Reason(RecordRejection rejection) => (rejection.Index, rejection.Reason);

    private static ParsedBatch<ShipmentEvent>? ParseShipments(string body) => ParseShipments(body, out _);

    private static ParsedBatch<ShipmentEvent>? ParseShipments(string body, out BatchProblem problem) =>
        IngestBatchParser.Parse(Encoding.UTF8.GetBytes(body), IngestKinds.Shipments, Now, out problem);
}
