using System.Text.Json.Serialization;
using ChatPost.Bot.Ingestion;

namespace ChatPost.Bench;

/// <summary>Writes batches in the contract's shape, as an upstream system would post them.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ShipmentEventDto[]))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
