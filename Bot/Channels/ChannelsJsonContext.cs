using System.Text.Json.Serialization;

namespace ChatPost.Bot.Channels;

/// <summary>Source-generated JSON for what the channels keep in storage.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(LateReply))]
internal sealed partial class ChannelsJsonContext : JsonSerializerContext;
