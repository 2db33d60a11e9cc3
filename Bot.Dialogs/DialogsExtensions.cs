using ChatPost.Bot.Dialogs.Dialogs;
using ChatPost.Bot.Dialogs.Features.Faq;
using ChatPost.Bot.Dialogs.Features.Invoices;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Dialogs.Features.ManagerBroadcast;
using ChatPost.Bot.Dialogs.Features.Tracking;
using ChatPost.Bot.Dialogs.Features.Unanswered;
using ChatPost.Bot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatPost.Bot.Dialogs;

public static class DialogsExtensions
{
    /// <summary>The service key of the staff bot (<see cref="StaffBot"/>), the <see cref="IBot"/> of the WeCom app.</summary>
    public const string StaffBotKey = "wecom";

    /// <summary>
    /// The conversation: <see cref="ChatPostBot"/> as the <see cref="IBot"/> for citizens and <see cref="StaffBot"/>
    /// (keyed <see cref="StaffBotKey"/>) for staff, their recogniser, dialogs and FAQ (section <c>Faq</c>; a host with a knowledge base registers its own
    /// <see cref="IFaqIndexSource"/>, else the entries of the section are the knowledge), with
    /// ConversationState and UserState over the host's <see cref="IStorage"/>. The host also provides the record
    /// lookups (<c>IShipmentLookup</c>, <c>IInvoiceLookup</c>), <c>ILookupQuota</c>, <c>IItemWatches</c>, <c>IProgressFigures</c>,
    /// <c>IDailyAnnouncement</c>, <c>IStaffDirectory</c> and <c>IBroadcastRequests</c>.
    /// </summary>
    public static IServiceCollection AddDialogs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ConversationState(provider.GetRequiredService<IStorage>()));
        services.TryAddSingleton(provider => new UserState(provider.GetRequiredService<IStorage>()));
        services.AddOptions<FaqOptions>().BindConfiguration(FaqOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton<ConversationMetrics>();
        services.TryAddSingleton<TextSegmenter>();
        services.TryAddSingleton<CitizenRecognizer>();
        services.TryAddSingleton<Routing.CitizenRouter>();
        services.TryAddSingleton<IFaqIndexSource, SeedFaqIndexSource>();
        services.TryAddSingleton<NotificationCommands>();
        services.TryAddSingleton<IUnansweredQuestions, NoUnansweredQuestions>();
        services.AddSingleton<Dialog, TrackingDialog>();
        services.AddSingleton<Dialog, InvoiceStatusDialog>();
        services.AddSingleton<Dialog, BroadcastDialog>();
        services.TryAddSingleton<DialogSet>();
        services.TryAddTransient<IBot, ChatPostBot>();
        services.TryAddKeyedTransient<IBot, StaffBot>(StaffBotKey);
        return services;
    }
}
