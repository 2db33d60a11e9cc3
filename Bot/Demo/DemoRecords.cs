using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Demo;

/// <summary>
/// A realistic, deterministic set of records for the embedded default: every city and business line, a few
/// hundred shipments over the last two weeks, invoice applications in every state, and the numbers that the
/// README and the sample questions use.
/// </summary>
public static class DemoRecords
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly string[] Stations = ["城区投递站", "开发区投递站", "中心投递部", "县城投递站", "乡镇邮政所"];

    /// <summary>Shipment events: the named examples first, then four items per city and business line.</summary>
    public static IReadOnlyList<ShipmentEvent> Shipments(DateOnly today)
    {
        var events = new List<ShipmentEvent>();
        var start = new DateTimeOffset(today.AddDays(-3).ToDateTime(new TimeOnly(9, 0)), China);
        events.AddRange(Journey("EA123456785CN", Business.License, "襄阳", start, ShipmentStatus.Delivered, "13800001234", null,
            "襄州区交通路投递站", "已签收，本人收"));
        events.AddRange(Journey("EA987654326CN", Business.License, "武汉", start.AddDays(1), ShipmentStatus.OutForDelivery, "13900002345", null,
            "武昌区中南路投递站", "投递员王师傅正在派送"));
        events.AddRange(Journey("EM123456785CN", Business.License, "宜昌", start, ShipmentStatus.InTransit, "13700003456", null,
            "宜昌邮区中心局", "已到达宜昌邮区中心局"));
        events.AddRange(Journey("1173456789012", Business.Invoice, "潜江", start.AddDays(1), ShipmentStatus.OutForDelivery, "13600004567",
            "FP20200217000123", "潜江市园林投递站", "投递员李师傅派送中，请保持电话畅通"));
        events.AddRange(Journey("9876543210123", Business.Textbook, "恩施", start, ShipmentStatus.Delivered, "13500005678", null,
            "恩施市舞阳坝投递站", "已签收，签收人：张三"));
        events.AddRange(Journey("1184455667788", Business.StudyMaterial, "孝感", start.AddDays(2), ShipmentStatus.Accepted, "13400006789", null,
            "孝感市邮政分公司", "已收寄"));

        var random = new Random(20200304);
        foreach (var city in Cities.All)
        {
            foreach (var business in Enum.GetValues<Business>())
            {
                for (var i = 0; i < 4; i++)
                {
                    var number = DomesticNumber(random);
                    var posted = new DateTimeOffset(today.AddDays(-random.Next(1, 14)).ToDateTime(new TimeOnly(8 + random.Next(0, 9), random.Next(0, 60))), China);
                    var reached = (ShipmentStatus)random.Next(0, 4);
                    events.AddRange(Journey(number, business, city, posted, reached, "139" + random.Next(10_000_000, 99_999_999),
                        null, city + Stations[random.Next(Stations.Length)], reached == ShipmentStatus.Delivered ? "已签收，本人收" : null));
                }
            }
        }

        return events;
    }

    /// <summary>Invoice applications: the named examples, then a few per city in every state.</summary>
    public static IReadOnlyList<InvoiceApplication> InvoiceApplications(DateOnly today)
    {
        var day = new DateTimeOffset(today.AddDays(-2).ToDateTime(new TimeOnly(9, 0)), China);
        var applications = new List<InvoiceApplication>
        {
            new("FP20200217000123", "91429005MA4951234A", "华润湖北江汉医药有限公司", "潜江", InvoiceStatus.Mailed, day, "1173456789012", null),
            new("FP20200220000088", "91420100MA4K12345K", "武汉光谷云联科技有限公司", "武汉", InvoiceStatus.Rejected, day.AddHours(3), null,
                "申领数量超过核定的月领用数量，请调整后重新提交"),
        };
        var random = new Random(2020);
        var statuses = Enum.GetValues<InvoiceStatus>();
        for (var i = 0; i < Cities.All.Count * 6; i++)
        {
            var status = statuses[i % statuses.Length];
            applications.Add(new InvoiceApplication($"FP{today.AddDays(-5):yyyyMMdd}{i + 1:D6}", $"9142{random.Next(1000, 9999)}MA{random.Next(10000, 99999)}X",
                $"{Cities.All[i % Cities.All.Count]}示例商贸有限公司", Cities.All[i % Cities.All.Count], status, day.AddMinutes(i), null,
                status == InvoiceStatus.Rejected ? "发票种类与经营范围不符" : null));
        }

        return applications;
    }

    private static IEnumerable<ShipmentEvent> Journey(string number, Business business, string city, DateTimeOffset posted,
        ShipmentStatus reached, string phone, string? applicationNo, string lastLocation, string? lastDescription)
    {
        var steps = new[] { ShipmentStatus.Accepted, ShipmentStatus.InTransit, ShipmentStatus.OutForDelivery, ShipmentStatus.Delivered };
        // Posted in the morning, in transit by the afternoon, out for delivery the next morning, signed for before noon.
        int[] hoursAfterPosting = [0, 5, 23, 26];
        for (var i = 0; i <= Array.IndexOf(steps, reached); i++)
        {
            var last = steps[i] == reached;
            yield return new ShipmentEvent(number, business, city, steps[i], posted.AddHours(hoursAfterPosting[i]),
                last ? lastLocation : city + "邮政分公司", last ? lastDescription : PostalNames.ToChinese(steps[i]), phone, applicationNo);
        }
    }

    private static string DomesticNumber(Random random) => "11" + random.NextInt64(10_000_000_000, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
