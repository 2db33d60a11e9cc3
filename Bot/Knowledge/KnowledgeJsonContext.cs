using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatPost.Bot.Knowledge;

/// <summary>Source-generated JSON for knowledge versions in storage.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FaqEntryVersion))]
internal sealed partial class KnowledgeJsonContext : JsonSerializerContext
{
    public static string Serialize(FaqEntryVersion version) => JsonSerializer.Serialize(version, Default.FaqEntryVersion);

    public static FaqEntryVersion Deserialize(string json) => JsonSerializer.Deserialize(json, Default.FaqEntryVersion)!;
}
