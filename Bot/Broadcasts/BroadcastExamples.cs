using ChatPost.Bot.ApiDocs;

namespace ChatPost.Bot.Broadcasts;

/// <summary>Real requests to the broadcast part of the admin API, shown in its description and sent by the tests.</summary>
internal static class BroadcastExamples
{
    public static readonly ApiExample[] Submit =
    [
        new("textToTwoCities", StatusCodes.Status202Accepted,
            "A text to every group of two cities, now; sent again with the same key it returns the same id. 立即向两个城市的所有工作群发送文本；同一幂等键重发返回同一编号。",
            Body: """
            { "text": "各市分公司：自3月9日起车管所恢复窗口业务，网上办、邮政送达继续受理。", "cities": ["襄阳", "恩施"],
              "idempotencyKey": "notice-2020-03-08" }
            """),
        new("markdownToEveryGroup", StatusCodes.Status202Accepted,
            "Markdown to every group in scope (no cities or groups given). 向权限范围内的所有工作群发送 Markdown。",
            Body: """
            { "markdown": "**发票免费邮寄**延续至 <font color=\"warning\">4月30日</font>，请各市分公司做好宣传。" }
            """),
        new("misspeltField", StatusCodes.Status400BadRequest,
            "`city` is not a field (it is `cities`): refused, nothing sent. `city` 不是字段（应为 `cities`），请求被拒绝。",
            Body: """{ "text": "今日通报", "city": "襄阳" }"""),
        new("notAManager", StatusCodes.Status403Forbidden,
            "On behalf of someone who is not a configured manager: refused and audited. 代表非管理人员发送：被拒绝并记入审计。",
            Body: """{ "text": "今日通报", "cities": ["襄阳"] }""",
            Parameters: new Dictionary<string, string> { [BroadcastEndpoints.ManagerHeader] = "zhangsan" }),
    ];

    public static readonly ApiExample[] Report =
    [
        new("unknownBroadcast", StatusCodes.Status404NotFound,
            "An id that was never issued (or is older than 90 days). 不存在（或超过 90 天）的通报编号。",
            Parameters: new Dictionary<string, string> { ["id"] = "b20200305083000000a1b2c3" }),
    ];
}
