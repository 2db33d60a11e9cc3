using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatPost.Bot.Dialogs;

public static class DialogsExtensions
{
    /// <summary>
    /// The conversation: <see cref="ChatPostBot"/> as the <see cref="IBot"/>, with ConversationState and
    /// UserState over the <see cref="IStorage"/> that the host registers (Redis or in memory).
    /// </summary>
    public static IServiceCollection AddDialogs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ConversationState(provider.GetRequiredService<IStorage>()));
        services.TryAddSingleton(provider => new UserState(provider.GetRequiredService<IStorage>()));
        services.TryAddTransient<IBot, ChatPostBot>();
        return services;
    }
}
