using System.Text.Json.Serialization;

namespace ChatPost.Bot.Channels.WeCom.AiRobot;

/// <summary>Source-generated JSON for the 智能机器人's callbacks, with WeCom's field names; unknown fields are ignored.</summary>
[JsonSourceGenerationOptions(MaxDepth = 16, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(AiRobotEnvelope))]
[JsonSerializable(typeof(AiRobotMessage))]
internal sealed partial class AiRobotJsonContext : JsonSerializerContext;

/// <summary>The body of every callback: <c>{"encrypt": "…"}</c>.</summary>
internal sealed record AiRobotEnvelope([property: JsonPropertyName("encrypt")] string? Encrypt);
