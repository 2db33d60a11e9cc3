namespace ChatPost.Bot.Storage;

/// <summary>
/// What the embedded turn gate does with each message a user sends, where the Redis gate's entry script does it in the same
/// round trip: stamps when the user last wrote in their notification record, if they have one (WeChat's customer-service
/// window opens with each message), and says whether notifications wait for that message.
/// </summary>
public interface IUserMessageStamp
{
    /// <summary>Stamps a message of <paramref name="userId"/> sent at <paramref name="at"/>; true when notifications wait for it.</summary>
    bool Stamp(string userId, DateTimeOffset at);
}
