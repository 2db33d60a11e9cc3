using System.Globalization;

namespace ChatPost.Bot.Ingestion;

/// <summary>Times as the contract writes them: ISO 8601 with the sender's own offset, which answers show as ingested.</summary>
internal static class WireTime
{
    public static string Format(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
