using Microsoft.Bot.Schema;

namespace ChatPost.Bot.Dialogs;

/// <summary>
/// Turns of sandbox users, not citizens asking: staff trying the bot in the console's 对话测试, and the questions the host asks
/// itself at start to warm up. The host marks such a turn's activity; the bot answers it like any other, but counts nothing
/// of it as what citizens asked (the intent counts, the unanswered list).
/// </summary>
public static class SandboxTurns
{
    /// <summary>The entity that marks the activity: entities are how an activity carries what is not its message.</summary>
    private const string EntityType = "chatpost/sandbox";

    /// <summary>Marks <paramref name="activity"/> as a sandbox turn's.</summary>
    public static void Mark(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Entities = [.. activity.Entities ?? [], new Entity(EntityType)];
    }

    /// <summary>True for the activity of a sandbox turn (<see cref="Mark"/>).</summary>
    public static bool IsSandbox(IActivity activity) => activity?.Entities?.Any(entity => entity.Type == EntityType) == true;
}
