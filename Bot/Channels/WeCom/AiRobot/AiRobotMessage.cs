using System.Text.Json.Serialization;

namespace ChatPost.Bot.Channels.WeCom.AiRobot;

/// <summary>
/// A decrypted 智能机器人 callback (WECOM-ROBOT.md §3): a message (<c>text</c>, <c>mixed</c>, <c>voice</c>, <c>image</c>,
/// <c>file</c>, <c>video</c>), a stream refresh (<c>stream</c>) or an event. Fields a type does not carry are null.
/// </summary>
/// <remarks><see cref="object.ToString"/> is not for logs: user ids and content are personal data.</remarks>
public sealed record AiRobotMessage
{
    /// <summary>Unique per callback; retries of a message share it.</summary>
    [JsonPropertyName("msgid")]
    public string? MsgId { get; init; }

    [JsonPropertyName("aibotid")]
    public string? AiBotId { get; init; }

    /// <summary>The group's chat id; null in single chat.</summary>
    [JsonPropertyName("chatid")]
    public string? ChatId { get; init; }

    /// <summary><c>single</c> or <c>group</c>.</summary>
    [JsonPropertyName("chattype")]
    public string? ChatType { get; init; }

    [JsonPropertyName("from")]
    public AiRobotSender? From { get; init; }

    /// <summary>Where the answer may be posted once, within an hour (messages and card events).</summary>
    [JsonPropertyName("response_url")]
    public string? ResponseUrl { get; init; }

    [JsonPropertyName("msgtype")]
    public string? MsgType { get; init; }

    [JsonPropertyName("text")]
    public AiRobotText? Text { get; init; }

    [JsonPropertyName("mixed")]
    public AiRobotMixed? Mixed { get; init; }

    [JsonPropertyName("voice")]
    public AiRobotText? Voice { get; init; }

    [JsonPropertyName("stream")]
    public AiRobotStreamRef? Stream { get; init; }

    [JsonPropertyName("event")]
    public AiRobotEvent? Event { get; init; }

    /// <summary>The conversation: the group in a group chat, the user in single chat (WECOM-ROBOT.md §8.10).</summary>
    [JsonIgnore]
    public string? ConversationId => ChatId is { Length: > 0 } ? ChatId : From?.UserId;

    /// <summary>What the user wrote: the text, the text items of a mixed message, or the transcript of a voice message.</summary>
    [JsonIgnore]
    public string? Content => MsgType switch
    {
        "text" => Text?.Content,
        "voice" => Voice?.Content,
        "mixed" => Mixed?.MsgItem is { } items
            ? string.Join(' ', items.Where(item => item.MsgType == "text").Select(item => item.Text?.Content))
            : null,
        _ => null,
    };
}

public sealed record AiRobotSender([property: JsonPropertyName("userid")] string? UserId);

public sealed record AiRobotText([property: JsonPropertyName("content")] string? Content);

public sealed record AiRobotMixed([property: JsonPropertyName("msg_item")] IReadOnlyList<AiRobotMixedItem>? MsgItem);

public sealed record AiRobotMixedItem([property: JsonPropertyName("msgtype")] string? MsgType, [property: JsonPropertyName("text")] AiRobotText? Text);

public sealed record AiRobotStreamRef([property: JsonPropertyName("id")] string? Id);

/// <summary>An event: <c>enter_chat</c>, <c>template_card_event</c>, <c>feedback_event</c> (WECOM-ROBOT.md §3.5).</summary>
public sealed record AiRobotEvent(
    [property: JsonPropertyName("eventtype")] string? EventType,
    [property: JsonPropertyName("template_card_event")] AiRobotCardEvent? TemplateCardEvent,
    [property: JsonPropertyName("feedback_event")] AiRobotFeedback? FeedbackEvent);

/// <summary>A click on a card the robot sent: which button (<see cref="EventKey"/>) of which card (<see cref="TaskId"/>).</summary>
public sealed record AiRobotCardEvent(
    [property: JsonPropertyName("card_type")] string? CardType,
    [property: JsonPropertyName("event_key")] string? EventKey,
    [property: JsonPropertyName("task_id")] string? TaskId);

/// <summary>A rating of a reply: <c>type</c> 1 accurate, 2 inaccurate, 3 withdrawn.</summary>
public sealed record AiRobotFeedback([property: JsonPropertyName("id")] string? Id, [property: JsonPropertyName("type")] int Type);
