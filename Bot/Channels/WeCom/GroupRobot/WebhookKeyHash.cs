using System.Security.Cryptography;
using System.Text;

namespace ChatPost.Bot.Channels.WeCom.GroupRobot;

/// <summary>A robot's webhook key is its only credential: storage sees its SHA-256, logs see eight hex digits of that.</summary>
internal static class WebhookKeyHash
{
    /// <summary>The lower-case hex SHA-256 of the key's UTF-8 bytes (64 digits).</summary>
    public static string Compute(string webhookKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(webhookKey)));

    /// <summary>The first eight hex digits: enough to tell robots apart in logs.</summary>
    public static string Mask(string hash) => hash[..8];
}
