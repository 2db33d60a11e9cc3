using System.ComponentModel.DataAnnotations;
using ChatPost.Bot.WeChat;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Channels.WeCom.AiRobot;

/// <summary>
/// The WeCom 智能机器人 in API mode with a callback URL (WECOM-ROBOT.md): what staff @-mention in their groups.
/// Section <c>WeCom:Robot</c>; Token and EncodingAESKey are secrets and come from the environment.
/// </summary>
public sealed class AiRobotOptions
{
    public const string SectionName = "WeCom:Robot";

    /// <summary>The callback Token of the robot's API settings: up to 32 letters or digits. Secret. Empty: <c>/wechat/work/robot</c> answers 404.</summary>
    [RegularExpression("^[A-Za-z0-9]{0,32}$", ErrorMessage = "WeCom:Robot:Token must be up to 32 letters or digits.")]
    public string Token { get; set; } = "";

    /// <summary>The callback EncodingAESKey: 43 letters or digits. Secret. Required with the Token (callbacks are always encrypted).</summary>
    [EncodingAesKey]
    public string EncodingAESKey { get; set; } = "";

    /// <summary>The robot's BotID. Required with the Token: a callback for another <c>aibotid</c> is acknowledged empty and logged.</summary>
    [RegularExpression("^[A-Za-z0-9_@.-]{0,128}$", ErrorMessage = "WeCom:Robot:BotId must be up to 128 letters, digits or _@.-")]
    public string BotId { get; set; } = "";

    /// <summary>The robot's display name, which people type after @ (e.g. <c>邮政助手</c>); <c>@Name</c> is cut from what they write. Empty: nothing is cut but a leading <c>@word</c>.</summary>
    [MaxLength(64)]
    public string Name { get; set; } = "";

    /// <summary>
    /// The only URL prefix a <c>response_url</c> may start with for ChatPost to POST to it; any other is refused and logged.
    /// Default <c>https://qyapi.weixin.qq.com/cgi-bin/aibot/response</c> (tests point it at a local fake).
    /// </summary>
    [Required]
    public string ResponseUrlPrefix { get; set; } = "https://qyapi.weixin.qq.com/cgi-bin/aibot/response";

    /// <summary>
    /// How long the first answer to a message waits for its turn: done by then, the answer is the whole reply
    /// (<c>finish:true</c>); otherwise a placeholder, and WeCom's refreshes collect the rest. Default 0.8 s; 0.1 to 4 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:04")]
    public TimeSpan FirstReplyBudget { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>
    /// When a stream still unfinished is closed with "结果稍后发送", its answer then going once through
    /// <c>response_url</c>. WeCom stops polling 6 minutes after the message. Default 5 minutes; 1 s to 5.5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:30")]
    public TimeSpan StreamCloseAfter { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsConfigured => Token.Length > 0;
}

[OptionsValidator]
public sealed partial class AiRobotOptionsValidator : IValidateOptions<AiRobotOptions>;

/// <summary>Rules across <see cref="AiRobotOptions"/> fields.</summary>
public sealed class AiRobotOptionsRules : IValidateOptions<AiRobotOptions>
{
    public ValidateOptionsResult Validate(string? name, AiRobotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsConfigured && (options.EncodingAESKey.Length == 0 || options.BotId.Length == 0))
        {
            return ValidateOptionsResult.Fail("WeCom:Robot:EncodingAESKey and WeCom:Robot:BotId are required with WeCom:Robot:Token.");
        }

        if (!Uri.TryCreate(options.ResponseUrlPrefix, UriKind.Absolute, out var prefix) || prefix.Scheme is not ("http" or "https")
            || prefix.AbsolutePath.Length <= 1 || prefix.Query.Length > 0)
        {
            return ValidateOptionsResult.Fail("WeCom:Robot:ResponseUrlPrefix must be an absolute http(s) URL with a path and no query.");
        }

        return ValidateOptionsResult.Success;
    }
}
