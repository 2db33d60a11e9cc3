using System.ComponentModel.DataAnnotations;

namespace ChatPost.Bot.Channels.WeCom.GroupRobot;

/// <summary>Valid when null (<see cref="RequiredAttribute"/> decides that) or an absolute http(s) URL without query or fragment.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WebhookUrlAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is null || (value is Uri { IsAbsoluteUri: true } uri && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0)
            ? ValidationResult.Success
            : new ValidationResult($"{validationContext?.MemberName ?? "WebhookBaseUrl"} must be an absolute http(s) URL without query or fragment: the client adds ?key=.");
}
