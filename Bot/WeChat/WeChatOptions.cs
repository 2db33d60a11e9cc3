using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.WeChat;

/// <summary>The WeChat Official Account and the WeChat API. Section <c>WeChat</c>.</summary>
public sealed class WeChatOptions
{
    public const string SectionName = "WeChat";

    /// <summary>The Official Account's credentials and callback settings.</summary>
    [ValidateObjectMembers]
    public OfficialAccountOptions OfficialAccount { get; set; } = new();

    /// <summary>Base address of WeChat's API. Default <c>https://api.weixin.qq.com</c>; tests point it at a local fake.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://api.weixin.qq.com");

    /// <summary>
    /// How far a callback's <c>timestamp</c> may be from now, in seconds, before it is refused as a replay.
    /// Default 300; 0 turns the check off (for old published test vectors); at most 86400.
    /// </summary>
    [Range(0, 86_400)]
    public int MaxTimestampSkewSeconds { get; set; } = 300;

    /// <summary>
    /// How long a turn may take and still answer passively. WeChat waits 5 s, then retries; a turn that misses
    /// this deadline answers <c>success</c> and replies through the API instead. Default 4 s; 0.1 to 4.8 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:04.800")]
    public TimeSpan ReplyDeadline { get; set; } = TimeSpan.FromSeconds(4);
}

/// <summary>One Official Account (公众号). Section <c>WeChat:OfficialAccount</c>. Secrets come from the environment.</summary>
public sealed class OfficialAccountOptions
{
    /// <summary>The AppID (<c>wx…</c>): the receive id of encrypted messages. Required when the Token is set.</summary>
    [RegularExpression("^[A-Za-z0-9_-]{0,64}$")]
    public string AppId { get; set; } = "";

    /// <summary>The AppSecret, for access_tokens. Secret. Empty: no replies through the API (late turns are dropped).</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>The callback Token: 3 to 32 letters or digits. Secret. Empty: <c>/wechat/mp</c> is not served.</summary>
    [RegularExpression("^([A-Za-z0-9]{3,32})?$", ErrorMessage = "WeChat:OfficialAccount:Token must be 3 to 32 letters or digits.")]
    public string Token { get; set; } = "";

    /// <summary>The EncodingAESKey of safe and compatible modes: 43 letters or digits. Secret. Empty: plaintext mode only.</summary>
    [EncodingAesKey]
    public string EncodingAESKey { get; set; } = "";

    /// <summary>Template messages for notifications outside the customer-service window; none by default.</summary>
    public NotificationTemplatesOptions Templates { get; set; } = new();

    public bool IsConfigured => Token.Length > 0;
}

/// <summary>Valid when empty or a 43-character EncodingAESKey that decodes to a 32-byte AES key.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EncodingAesKeyAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is null or "" || WeChatMessageCrypto.IsValidEncodingAesKey(value as string)
            ? ValidationResult.Success
            : new ValidationResult($"{validationContext?.MemberName ?? "EncodingAESKey"} must be 43 letters or digits.");
}

[OptionsValidator]
public sealed partial class WeChatOptionsValidator : IValidateOptions<WeChatOptions>;
