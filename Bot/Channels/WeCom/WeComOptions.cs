using System.ComponentModel.DataAnnotations;
using ChatPost.Bot.WeChat;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Channels.WeCom;

/// <summary>The WeCom (企业微信) app that staff and managers chat with. Section <c>WeCom</c>; secrets come from the environment.</summary>
public sealed class WeComOptions
{
    public const string SectionName = "WeCom";

    /// <summary>The CorpID (<c>ww…</c>/<c>wx…</c>): the receive id of every callback. Required when the Token is set.</summary>
    [RegularExpression("^[A-Za-z0-9_-]{0,64}$")]
    public string CorpId { get; set; } = "";

    /// <summary>The app's AgentId, for app messages. 0 when the app is not configured.</summary>
    [Range(0, long.MaxValue)]
    public long AgentId { get; set; }

    /// <summary>The app's Secret, for access_tokens. Secret. Empty: no replies through the API (late turns, broadcast reports).</summary>
    public string Secret { get; set; } = "";

    /// <summary>The callback Token: up to 32 letters or digits. Secret. Empty: <c>/wechat/work</c> is not served.</summary>
    [RegularExpression("^[A-Za-z0-9]{0,32}$", ErrorMessage = "WeCom:Token must be up to 32 letters or digits.")]
    public string Token { get; set; } = "";

    /// <summary>The callback EncodingAESKey: 43 letters or digits. Secret. WeCom always encrypts; required with the Token.</summary>
    [EncodingAesKey]
    public string EncodingAESKey { get; set; } = "";

    /// <summary>Base address of WeCom's API. Default <c>https://qyapi.weixin.qq.com</c>; tests point it at a local fake.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://qyapi.weixin.qq.com");

    public bool IsConfigured => Token.Length > 0;
}

[OptionsValidator]
public sealed partial class WeComOptionsValidator : IValidateOptions<WeComOptions>;

/// <summary>Rules across <see cref="WeComOptions"/> fields.</summary>
public sealed class WeComOptionsRules : IValidateOptions<WeComOptions>
{
    public ValidateOptionsResult Validate(string? name, WeComOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsConfigured && (options.CorpId.Length == 0 || options.EncodingAESKey.Length == 0))
        {
            return ValidateOptionsResult.Fail("WeCom:CorpId and WeCom:EncodingAESKey are required with WeCom:Token: WeCom callbacks are always encrypted.");
        }

        return ValidateOptionsResult.Success;
    }
}
