using System.Text.Json.Serialization;

namespace ChatPost.Bot.Broadcasts;

/// <summary>Source-generated JSON for broadcast records in storage. The admin API's bodies go through ASP.NET's own
/// options (nulls written), so they are not listed here.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Broadcast))]
[JsonSerializable(typeof(DeliveryState))]
internal sealed partial class BroadcastsJsonContext : JsonSerializerContext;
