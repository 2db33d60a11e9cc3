using System.Text.Json;
using System.Text.Json.Serialization;
using ChatPost.Bot.Dialogs.Features.Unanswered;

namespace ChatPost.Bot.Knowledge;

/// <summary>Source-generated JSON for what the bot last chose for an unanswered question, in storage.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(UnansweredQuestion))]
internal sealed partial class UnansweredJsonContext : JsonSerializerContext
{
    public static string Serialize(UnansweredQuestion question) => JsonSerializer.Serialize(question, Default.UnansweredQuestion);

    public static UnansweredQuestion? TryDeserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, Default.UnansweredQuestion);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
