using ChatPost.Bot.Announcements;
using ChatPost.Bot.Audit;
using ChatPost.Bot.Broadcasts;
using ChatPost.Bot.Hosting;
using ChatPost.Bot.Knowledge;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Admin;

public static class AdminApiExtensions
{
    /// <summary>The admin API's options: the bearer key (<c>Admin:ApiKey</c>).</summary>
    public static IHostApplicationBuilder AddAdminApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateOnStart();
        return builder;
    }

    /// <summary>
    /// The admin endpoints behind <c>Authorization: Bearer &lt;Admin:ApiKey&gt;</c>: <c>POST /api/broadcasts</c>,
    /// <c>GET /api/broadcasts/{id}</c>, <c>GET /api/audit</c>, the announcement runs and the knowledge base (<c>/api/faq</c>).
    /// </summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api")
            .RequireRateLimiting(RateLimitExtensions.Admin)
            .RequireBearerKey("admin", "Admin:ApiKey", services => services.GetRequiredService<IOptions<AdminOptions>>().Value.ApiKey);
        api.MapBroadcastEndpoints();
        api.MapAuditEndpoints();
        api.MapKnowledgeEndpoints();
        api.MapAnnouncementEndpoints();
        return endpoints;
    }
}
