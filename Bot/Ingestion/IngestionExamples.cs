using ChatPost.Bot.ApiDocs;

namespace ChatPost.Bot.Ingestion;

/// <summary>Real requests to the ingestion API, shown in its description and sent to the service by the tests.</summary>
internal static class IngestionExamples
{
    public static readonly ApiExample[] Shipments =
    [
        new("licenceDelivered", StatusCodes.Status200OK,
            "A licence accepted and delivered in Xiangyang: both stored. 襄阳一本驾驶证的收寄和签收，两条都存储。",
            Body: """
            [
              { "trackingNo": "EA123456785CN", "business": "license", "city": "襄阳", "status": "accepted",
                "time": "2020-03-04T08:05:00+08:00", "location": "襄阳市车管所", "description": "已收寄" },
              { "trackingNo": "EA123456785CN", "business": "license", "city": "襄阳", "status": "delivered",
                "time": "2020-03-04T10:15:00+08:00", "location": "襄州区交通路投递站", "description": "已签收，本人收",
                "receiverPhone": "13800001234", "applicationNo": null }
            ]
            """,
            Response: """{ "accepted": 2, "duplicates": 0, "rejected": [] }"""),
        new("oneBadRecord", StatusCodes.Status200OK,
            "One valid event stored, one refused by index and reason. 一条存储，另一条按序号说明拒绝原因。",
            Body: """
            [
              { "trackingNo": "9876543210123", "business": "textbook", "city": "恩施", "status": "out_for_delivery",
                "time": "2020-03-05T09:30:00+08:00", "location": "恩施市舞阳坝投递部" },
              { "trackingNo": "9876543210124", "business": "textbook", "city": "北京", "status": "accepted",
                "time": "2020-03-05T09:00:00+08:00" }
            ]
            """,
            Response: """{ "accepted": 1, "duplicates": 0, "rejected": [ { "index": 1, "reason": "city: not one of the seventeen city branches" } ] }"""),
        new("noValidRecord", StatusCodes.Status422UnprocessableEntity,
            "Every record refused (an unknown status): nothing stored. 所有记录均被拒绝（状态未知），未存储。",
            Body: """
            [ { "trackingNo": "EA123456785CN", "business": "license", "city": "襄阳", "status": "lost", "time": "2020-03-04T10:15:00+08:00" } ]
            """),
        new("notAnArray", StatusCodes.Status400BadRequest,
            "One record, not in an array: the body is refused. 单条记录未放入数组，整个请求被拒绝。",
            Body: """
            { "trackingNo": "EA123456785CN", "business": "license", "city": "襄阳", "status": "accepted", "time": "2020-03-04T08:05:00+08:00" }
            """),
    ];

    public static readonly ApiExample[] InvoiceApplications =
    [
        new("mailedAndRejected", StatusCodes.Status200OK,
            "A mailed application with its parcel, and a rejected one with the reason. 已寄出的申请（含邮件号）和被驳回的申请（含原因）。",
            Body: """
            [
              { "applicationNo": "FP20200217000123", "taxpayerId": "91429005MA4951234A", "taxpayerName": "华润湖北江汉医药有限公司",
                "city": "潜江", "status": "mailed", "time": "2020-02-18T09:00:00+08:00", "trackingNo": "1173456789012" },
              { "applicationNo": "FP20200220000088", "taxpayerId": "91420100MA4K123456", "city": "武汉", "status": "rejected",
                "time": "2020-02-20T15:30:00+08:00", "note": "发票专用章不清晰，请重新提交" }
            ]
            """,
            Response: """{ "accepted": 2, "duplicates": 0, "rejected": [] }"""),
        new("rejectedWithoutNote", StatusCodes.Status422UnprocessableEntity,
            "A rejection without its reason is refused: nothing stored. 驳回但未说明原因，被拒绝，未存储。",
            Body: """
            [ { "applicationNo": "FP20200220000089", "taxpayerId": "91420100MA4K123456", "city": "武汉", "status": "rejected", "time": "2020-02-20T15:30:00+08:00" } ]
            """,
            Response: """{ "accepted": 0, "duplicates": 0, "rejected": [ { "index": 0, "reason": "note: required when status is rejected" } ] }"""),
    ];
}
