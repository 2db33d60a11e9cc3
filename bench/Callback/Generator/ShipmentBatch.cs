using System.Text.Json;
using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bench.Callback.Generator;

/// <summary>
/// The shipment events ingested before the load (Bot/Ingestion/README.md): three scans per shipment, so that every
/// tracking question of the load finds a record with a latest status, a location and a description.
/// </summary>
internal static class ShipmentBatch
{
    private static readonly string[] Statuses = ["accepted", "in_transit", "out_for_delivery"];
    private static readonly string[] Businesses = ["license", "invoice", "textbook", "study-material", "other"];
    private static readonly string[] Locations = ["武汉邮区中心局", "宜昌市西陵区营业部", "襄州区交通路投递站"];
    private static readonly DateTimeOffset FirstPosted = new(2025, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Writes one JSON array of <c>3 × shipments</c> events (the API takes at most 10,000 per request).</summary>
    public static void Write(string path, int shipments)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartArray();
        for (var i = 0; i < shipments; i++)
        {
            for (var step = 0; step < Statuses.Length; step++)
            {
                json.WriteStartObject();
                json.WriteString("trackingNo", TrackingNumbers.Create(i));
                json.WriteString("business", Businesses[i % Businesses.Length]);
                json.WriteString("city", Cities.All[i % Cities.All.Count]);
                json.WriteString("status", Statuses[step]);
                json.WriteString("time", FirstPosted.AddMinutes(i % 5000).AddHours(step * 9).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteString("location", Locations[step]);
                json.WriteString("description", step == 0 ? "已收寄" : "快件已到达");
                if (step == 0)
                {
                    json.WriteString("receiverPhone", $"138{i % 100_000_000:00000000}");
                }

                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
    }
}
