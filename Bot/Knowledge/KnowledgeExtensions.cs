using ChatPost.Bot.Audit;
using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Dialogs.Features.Unanswered;
using ChatPost.Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatPost.Bot.Knowledge;

public static class KnowledgeExtensions
{
    /// <summary>
    /// The knowledge base: <see cref="KnowledgeOptions"/> (section <c>Knowledge</c>), its store (Redis when
    /// <c>Redis:Configuration</c> is set, else in memory), seeded from section <c>Faq</c> on first start, and the
    /// <see cref="KnowledgeBase"/> that keeps every replica's index current, registered as the dialogs'
    /// <see cref="IFaqIndexSource"/> (in place of the seed entries <c>AddDialogs</c> would use); and the list of what the bot
    /// could not answer (<see cref="UnansweredLog"/> as the dialogs' <see cref="IUnansweredQuestions"/>, over its own store).
    /// </summary>
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAudit();
        var services = builder.Services;
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        if (builder.UsesRedis())
        {
            services.TryAddSingleton<IKnowledgeStore, RedisKnowledgeStore>();
            services.TryAddSingleton<IUnansweredStore, RedisUnansweredStore>();
        }
        else
        {
            services.TryAddSingleton<IKnowledgeStore, MemoryKnowledgeStore>();
            services.TryAddSingleton<IUnansweredStore, MemoryUnansweredStore>();
        }

        services.TryAddSingleton<KnowledgeBase>();
        services.AddHostedService(provider => provider.GetRequiredService<KnowledgeBase>());
        services.RemoveAll<IFaqIndexSource>();
        services.AddSingleton<IFaqIndexSource>(provider => provider.GetRequiredService<KnowledgeBase>());
        services.TryAddSingleton<KnowledgeService>();
        services.TryAddSingleton<KnowledgeInsight>();
        services.TryAddSingleton<UnansweredLog>();
        services.AddHostedService(provider => provider.GetRequiredService<UnansweredLog>());
        services.RemoveAll<IUnansweredQuestions>();
        services.AddSingleton<IUnansweredQuestions>(provider => provider.GetRequiredService<UnansweredLog>());
        return builder;
    }
}
