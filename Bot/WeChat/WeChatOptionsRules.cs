using Microsoft.Extensions.Options;

namespace ChatPost.Bot.WeChat;

/// <summary>Rules across <see cref="WeChatOptions"/> fields that attributes cannot express.</summary>
public sealed class WeChatOptionsRules : IValidateOptions<WeChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WeChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var account = options.OfficialAccount;
        if (account.EncodingAESKey.Length > 0 && account.AppId.Length == 0)
        {
            return ValidateOptionsResult.Fail("WeChat:OfficialAccount:AppId is required with an EncodingAESKey: it is the receive id of encrypted messages.");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("http" or "https"))
        {
            return ValidateOptionsResult.Fail("WeChat:ApiBaseUrl must be an absolute http(s) URL.");
        }

        return ValidateOptionsResult.Success;
    }
}
