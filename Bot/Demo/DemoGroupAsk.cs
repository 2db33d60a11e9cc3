using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChatPost.Bot.Channels.WeCom.AiRobot;
using ChatPost.Bot.Dialogs.Staff;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Demo;

/// <summary>
/// <c>/dev/ask?group=…</c>: a member of a demo group @-mentions the 智能机器人, through the same path as a decrypted
/// callback (stream claim, the staff bot's turn, refreshes until the stream finishes); answers the stream's text.
/// </summary>
public sealed class DemoGroupAsk(AiRobotCallback robot, IStaffDirectory directory, IOptions<AiRobotOptions> options, TimeProvider time)
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Asks <paramref name="question"/> in the configured group named, by city or by id, <paramref name="group"/>
    /// as <paramref name="user"/>. Null when the robot is not configured or no such group has a <c>ChatId</c>.
    /// </summary>
    public async Task<string?> AskAsync(string question, string group, string user, IBot bot, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var chat = directory.Groups.FirstOrDefault(candidate => candidate.ChatId is not null && (candidate.City == group || candidate.Id == group
            || candidate.ChatId == group || candidate.Name == group));
        if (!settings.IsConfigured || chat is null)
        {
            return null;
        }

        var message = new AiRobotMessage
        {
            MsgId = "demo-" + Guid.NewGuid().ToString("N"),
            AiBotId = settings.BotId,
            ChatId = chat.ChatId,
            ChatType = "group",
            From = new AiRobotSender(user),
            MsgType = "text",
            Text = new AiRobotText($"@{settings.Name} {question}"),
        };
        var answer = JsonNode.Parse(await robot.AnswerAsync(message, bot, cancellationToken))!;
        var started = time.GetTimestamp();
        while (answer["stream"] is { } stream && !(bool)stream["finish"]! && time.GetElapsedTime(started) < Patience)
        {
            await Task.Delay(RefreshEvery, time, cancellationToken);
            var refresh = message with { MsgId = "demo-" + Guid.NewGuid().ToString("N"), MsgType = "stream", Text = null,
                Stream = new AiRobotStreamRef((string?)stream["id"]) };
            answer = JsonNode.Parse(await robot.AnswerAsync(refresh, bot, cancellationToken))!;
        }

        return Describe(answer);
    }

    /// <summary>The stream's text, then what else the group would see: images, buttons.</summary>
    private static string Describe(JsonNode answer)
    {
        var text = new StringBuilder((string?)answer["stream"]?["content"] ?? "");
        if (answer["stream"]?["msg_item"] is JsonArray images)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n[{images.Count} 张图表]");
        }

        if (answer["template_card"]?["button_list"] is JsonArray buttons)
        {
            text.Append("\n[按钮：").AppendJoin(" / ", buttons.Select(button => (string?)button!["text"])).Append("]（回复按钮上的字即可）");
        }

        return text.ToString();
    }
}
