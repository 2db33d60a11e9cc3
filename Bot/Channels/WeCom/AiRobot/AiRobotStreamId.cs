using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Channels.WeCom.AiRobot;

/// <summary>
/// The id ChatPost gives a message's stream: 16 base64url characters of the SHA-256 of its <c>msgid</c>, then its
/// asker's UserID in base64url. A retried message gets the same id; a refresh, on any replica, finds the stream's keys
/// (which carry the asker's hash tag) from the id alone. Letters, digits, <c>-</c> and <c>_</c> only, so that it also
/// serves as a card's <c>task_id</c> (at most 128 bytes: UserIDs of up to 84 bytes).
/// </summary>
public static class AiRobotStreamId
{
    private const int HashBytes = 12;
    private const int HashChars = 16;

    /// <summary>The stream of <paramref name="msgId"/> asked by <paramref name="userId"/>.</summary>
    public static AiRobotStreamKey For(string userId, string msgId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(msgId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(msgId), hash);
        return new AiRobotStreamKey(userId, Base64Url.EncodeToString(hash[..HashBytes]) + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(userId)));
    }

    /// <summary>The stream an id names; null for anything that is not such an id.</summary>
    public static AiRobotStreamKey? Read(string? streamId)
    {
        if (streamId is null || streamId.Length <= HashChars || streamId.Length > 256)
        {
            return null;
        }

        // TryDecodeFromChars throws, rather than answering false, for characters outside the alphabet.
        Span<byte> user = stackalloc byte[192];
        return Base64Url.IsValid(streamId.AsSpan(HashChars)) && Base64Url.TryDecodeFromChars(streamId.AsSpan(HashChars), user, out var written)
            && Utf8.IsValid(user[..written])
            ? new AiRobotStreamKey(Encoding.UTF8.GetString(user[..written]), streamId)
            : null;
    }
}
