namespace ChatPost.Bot.ApiDocs;

/// <summary>
/// What each error status means on every <c>/api</c> endpoint, in English and Chinese: the description of an answer
/// whose endpoint gives no meaning of its own.
/// </summary>
public static class ApiAnswers
{
    public const string Unauthorized =
        "Missing or wrong bearer key (`Authorization: Bearer <key>`); nothing was read or done. " +
        "缺少或错误的 Bearer 密钥；请求未被读取或处理。";

    public const string Disabled =
        "This API is switched off: its key is not configured on the service. 该接口未启用：服务未配置其密钥。";

    public const string TooManyRequests =
        "Too many calls from this address this minute; try again after `Retry-After` seconds. " +
        "本地址本分钟调用次数过多，请在 `Retry-After` 秒后重试。";

    public const string BadRequest =
        "The request is malformed (not JSON, wrong type, unknown field); the ProblemDetails say why. " +
        "请求格式错误（非 JSON、类型错误或未知字段），ProblemDetails 说明原因。";

    public const string Forbidden =
        "Refused by the broadcast policy (not a manager, or a target outside the manager's scope); audited. " +
        "被广播权限策略拒绝（非管理人员或目标超出其范围），已记入审计。";

    public const string NotFound = "No such item (or it has expired). 未找到（或已过期）。";

    public const string PayloadTooLarge = "The body is too large; nothing was stored. 请求体过大，未存储任何内容。";

    public const string Unprocessable = "No record was valid; nothing was stored. 没有一条记录有效，未存储任何内容。";

    public const string Unavailable =
        "Storage is unavailable; send the same request again after `Retry-After` seconds (it is idempotent). " +
        "存储暂不可用；请在 `Retry-After` 秒后重发同一请求（幂等）。";

    /// <summary>The general meaning of <paramref name="status"/>; null for a status without one here.</summary>
    public static string? Meaning(int status) => status switch
    {
        StatusCodes.Status400BadRequest => BadRequest,
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status422UnprocessableEntity => Unprocessable,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        StatusCodes.Status503ServiceUnavailable => Unavailable,
        _ => null,
    };
}
