namespace ChatPost.Bot.Dialogs.Postal;

/// <summary>What the bot says when records cannot be read right now.</summary>
public static class RecordsReplies
{
    public const string Busy = "系统繁忙，暂时查不到记录，请稍后再试。办理流程、邮费等问题可以照常咨询。";
}
