using ChatPost.Bot.WeChat;

namespace ChatPost.Bot.Tests.WeChat;

public class NotificationTemplatesOptionsTests
{
    [Theory]
    [InlineData("tpl_1-A", "thing1", "item", null, null)]
    [InlineData("tpl 1", "thing1", "item", null, "TemplateId")]
    [InlineData("", "thing1", "item", null, "TemplateId")]
    [InlineData("tpl", "thing1", "receiver", null, "Fields:thing1")]
    [InlineData("tpl", "thing 1", "item", null, "Fields:thing 1")]
    [InlineData("tpl", "thing1", "item", "http://example.org/track", "Url")]
    [InlineData("tpl", "thing1", "item", "https://example.org/track", null)]
    public void Validate_ShipmentTemplate_RefusesWhatWeChatWouldNotTake(string templateId, string keyword, string field, string? url, string? problem)
    {
        var options = new WeChatOptions();
        options.OfficialAccount.Templates.ShipmentUpdate = new TemplateOptions
        {
            TemplateId = templateId,
            Fields = new() { [keyword] = field },
            Url = url is null ? null : new Uri(url),
        };

        var result = new WeChatOptionsRules().Validate(null, options);

        Assert.Equal(problem is null, result.Succeeded);
        if (problem is not null)
        {
            Assert.Contains("WeChat:OfficialAccount:Templates:ShipmentUpdate: " + (problem == "Url" ? "Url" : problem), result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_TemplateWithoutFields_IsRefused()
    {
        var options = new WeChatOptions();
        options.OfficialAccount.Templates.InvoiceUpdate = new TemplateOptions { TemplateId = "tpl" };

        var result = new WeChatOptionsRules().Validate(null, options);

        Assert.Contains("InvoiceUpdate: Fields must map", result.FailureMessage, StringComparison.Ordinal);
    }
}
