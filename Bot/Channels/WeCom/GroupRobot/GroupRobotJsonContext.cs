using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace ChatPost.Bot.Channels.WeCom.GroupRobot;

/// <summary>Source-generated JSON for the robot webhook.</summary>
[JsonSerializable(typeof(RobotRequest))]
[JsonSerializable(typeof(RobotResponse))]
internal sealed partial class GroupRobotJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Chinese stays UTF-8 on the wire rather than <c>\uXXXX</c> escapes, as in WeCom's examples: a third of the
    /// size. The body goes to an API, never into HTML, yet the safe encoder keeps escaping &lt;, &gt; and &amp;.
    /// </summary>
    public static GroupRobotJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });
}

/// <summary>The webhook's answer. <c>errcode</c> is nullable so that an answer without one is not taken for success.</summary>
internal sealed record RobotResponse(
    [property: JsonPropertyName("errcode")] int? ErrorCode,
    [property: JsonPropertyName("errmsg")] string? ErrorMessage);
