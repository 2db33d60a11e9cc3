using System.Text.Json.Serialization;

namespace ChatPost.Bot.WeChat;

/// <summary>Source-generated JSON for the WeChat and WeCom APIs.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CustomMessage))]
[JsonSerializable(typeof(TemplateMessage))]
[JsonSerializable(typeof(AppMessage))]
[JsonSerializable(typeof(StableTokenRequest))]
[JsonSerializable(typeof(WeChatApiResponse))]
internal sealed partial class WeChatJsonContext : JsonSerializerContext;

internal sealed record StableTokenRequest(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("appid")] string AppId,
    [property: JsonPropertyName("secret")] string Secret,
    [property: JsonPropertyName("force_refresh")] bool ForceRefresh);

/// <summary>Every field any of the APIs answers with; absent ones stay default.</summary>
internal sealed record WeChatApiResponse(
    [property: JsonPropertyName("errcode")] int ErrorCode,
    [property: JsonPropertyName("errmsg")] string? ErrorMessage,
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("userid")] string? UserId = null);
