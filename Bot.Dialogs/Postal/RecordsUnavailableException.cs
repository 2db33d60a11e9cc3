namespace ChatPost.Bot.Dialogs.Postal;

/// <summary>
/// The records cannot be read right now (shared storage is down). Lookups throw it; dialogs tell the user the
/// system is busy, and everything that needs no records keeps working.
/// </summary>
public sealed class RecordsUnavailableException : Exception
{
    public RecordsUnavailableException()
        : base("The records cannot be read right now.")
    {
    }

    public RecordsUnavailableException(string message)
        : base(message)
    {
    }

    public RecordsUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
