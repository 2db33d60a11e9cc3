using System.Text.RegularExpressions;
using ChatPost.Bot.Dialogs.Features.Notifications;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.WeChat;

/// <summary>Rules across <see cref="WeChatOptions"/> fields that attributes cannot express.</summary>
public sealed partial class WeChatOptionsRules : IValidateOptions<WeChatOptions>
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

        foreach (var (section, template) in new[] { ("ShipmentUpdate", account.Templates.ShipmentUpdate), ("InvoiceUpdate", account.Templates.InvoiceUpdate) })
        {
            if (template is not null && TemplateProblem(template) is { } problem)
            {
                return ValidateOptionsResult.Fail($"WeChat:OfficialAccount:Templates:{section}: {problem}");
            }
        }

        return ValidateOptionsResult.Success;
    }

    private static string? TemplateProblem(TemplateOptions template)
    {
        if (!TemplateId().IsMatch(template.TemplateId))
        {
            return "TemplateId must be the template's id: 1 to 128 letters, digits, '-' or '_'.";
        }

        if (template.Fields.Count == 0)
        {
            return "Fields must map at least one keyword of the template to a part of the notification.";
        }

        if (template.Fields.FirstOrDefault(field => !Keyword().IsMatch(field.Key) || !TemplateField.All.Contains(field.Value)) is { Key: not null } bad)
        {
            return $"Fields:{bad.Key} = '{bad.Value}': keywords are letters and underscores then digits (thing1, time2), and each value one of {string.Join(", ", TemplateField.All)}.";
        }

        return template.Url is null || (template.Url.IsAbsoluteUri && template.Url.Scheme == Uri.UriSchemeHttps) ? null : "Url must be an absolute https URL.";
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex TemplateId();

    [GeneratedRegex("^[A-Za-z_]{1,32}[0-9]{0,3}$")]
    private static partial Regex Keyword();
}
