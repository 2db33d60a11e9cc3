using ChatPost.Bot.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatPost.Bot.ApiDocs;

/// <summary>
/// The document's own parts: its title and introduction in English and Chinese, and one bearer security scheme per
/// API key that an endpoint requires (found on the endpoints, so a new API with its own key brings its scheme).
/// </summary>
internal sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public const string Title = "ChatPost API";

    public const string Introduction = """
        The HTTP API of ChatPost, the WeChat bot of the postal branch: upstream systems push shipment events and invoice
        applications (ingestion key); operators and managers send broadcasts, run the daily announcement, read reports and
        the audit trail (admin key). JSON in UTF-8, camelCase; times are ISO 8601 with an offset. Errors are ProblemDetails
        (RFC 9457). Each client address may call the ingestion API `RateLimits:IngestPerMinute` (600) and the admin API
        `RateLimits:AdminPerMinute` (120) times a minute.

        ChatPost 邮政微信机器人的 HTTP 接口：上游系统推送邮件轨迹和发票申请（导入密钥）；运维和管理人员发送通报、
        运行每日通报、查看送达报告和审计记录（管理密钥）。JSON 使用 UTF-8 和 camelCase；时间为带时区的 ISO 8601。
        错误以 ProblemDetails（RFC 9457）返回。每个客户端地址每分钟最多调用导入接口 600 次、管理接口 120 次。
        """;

    /// <summary>The security scheme's id of an API key: <c>ingestionKey</c>, <c>adminKey</c>.</summary>
    public static string SchemeId(BearerKeyRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return requirement.ApiName + "Key";
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo { Title = Title, Version = "v1", Description = Introduction };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        var keys = context.DescriptionGroups.SelectMany(group => group.Items)
            .Select(description => description.ActionDescriptor.EndpointMetadata.OfType<BearerKeyRequirement>().LastOrDefault())
            .OfType<BearerKeyRequirement>()
            .DistinctBy(SchemeId);
        foreach (var key in keys)
        {
            document.Components.SecuritySchemes[SchemeId(key)] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = $"The {key.ApiName} API's key, the service's `{key.SettingName}`: `Authorization: Bearer <key>`. " +
                    $"{key.ApiName} 接口的密钥（服务配置 `{key.SettingName}`），以 `Authorization: Bearer <密钥>` 发送。",
            };
        }

        if (document.Components.Schemas is { } schemas && schemas.TryGetValue("ProblemDetails", out var found) && found is OpenApiSchema problem)
        {
            problem.Description = "An error (RFC 9457): `status`, a `title`, and in `detail` what was wrong; a 400 of the admin API names " +
                "each bad field in `errors`. 错误（RFC 9457）：`status`、`title`，`detail` 说明原因；管理接口的 400 在 `errors` 中逐字段说明。";
        }

        return Task.CompletedTask;
    }
}
