using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bench;

/// <summary>
/// Realistic traffic: shipments of every city and business line, four scans each (accepted, in transit, out for
/// delivery, delivered) over a few days, the receiver's phone on the first, spread over a campaign and shuffled so that
/// consecutive events hit different shipments, as when many upstream systems push at once.
/// </summary>
internal static class EventGenerator
{
    private static readonly ShipmentStatus[] Path = [ShipmentStatus.Accepted, ShipmentStatus.InTransit, ShipmentStatus.OutForDelivery, ShipmentStatus.Delivered];
    private static readonly string[] Locations = ["襄州区交通路投递站", "武汉邮区中心局", "宜昌市西陵区营业部", "荆州处理中心"];

    public static ShipmentEvent[] Create(int count, DateOnly firstDay, int days, int seed = 20200304)
    {
        var random = new Random(seed);
        var events = new ShipmentEvent[count];
        var start = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        for (var i = 0; i < count; i++)
        {
            var shipment = i / Path.Length;
            var step = i % Path.Length;
            var shipmentRandom = new Random(seed ^ shipment);
            var posted = start.AddMinutes(shipmentRandom.Next(days * 24 * 60));
            var time = posted.AddHours(step * (6 + shipmentRandom.Next(18)));
            events[i] = new ShipmentEvent(
                $"EA{shipment:000000000}CN",
                (Business)shipmentRandom.Next(5),
                Cities.All[shipmentRandom.Next(Cities.All.Count)],
                Path[step],
                time,
                Locations[step],
                step == Path.Length - 1 ? "已签收，本人收" : "快件已到达",
                step == 0 ? $"138{shipment % 100_000_000:00000000}" : null,
                null);
        }

        random.Shuffle(events);
        return events;
    }
}
