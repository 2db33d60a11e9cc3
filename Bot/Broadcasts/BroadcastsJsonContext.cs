using System.Text.Json.Serialization;

namespace ChatPost.Bot.Broadcasts;

/// <summary>Source-generated JSON for broadcast records in storage and on the admin API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Broadcast))]
[JsonSerializable(typeof(DeliveryState))]
[JsonSerializable(typeof(AuditEntry))]
[JsonSerializable(typeof(BroadcastBody))]
[JsonSerializable(typeof(BroadcastReport))]
[JsonSerializable(typeof(BroadcastAccepted))]
internal sealed partial class BroadcastsJsonContext : JsonSerializerContext;
