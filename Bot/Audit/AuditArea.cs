namespace ChatPost.Bot.Audit;

/// <summary>What kind of thing an audit line is about (<see cref="AuditEntry.Area"/>).</summary>
public static class AuditArea
{
    public const string Broadcast = "broadcast";

    public const string Knowledge = "faq";

    /// <summary>Shipment events and invoice applications imported from a spreadsheet in the console.</summary>
    public const string Records = "records";

    /// <summary>Sign-ins and sign-outs of the web console.</summary>
    public const string Console = "console";
}
