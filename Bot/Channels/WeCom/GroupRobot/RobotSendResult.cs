namespace ChatPost.Bot.Channels.WeCom.GroupRobot;

/// <summary>
/// What happened to a message sent through a group robot. Parts go out in order and sending stops at the first
/// part that fails, so parts <c>1..PartsSent</c> arrived and the others did not.
/// </summary>
/// <param name="Sent">True when every part was accepted (errcode 0).</param>
/// <param name="PartsSent">How many parts were accepted, from the first.</param>
/// <param name="PartsTotal">How many parts the message was split into (1 when it fits, and for images).</param>
/// <param name="ErrorCode">
/// WeCom's errcode for the part that failed (93000 bad or removed key, 45009 too frequent, 45002 too long, …);
/// null when sent, and when WeCom gave no errcode: HTTP errors, timeouts, and messages refused before sending.
/// </param>
/// <param name="Error">Why the part failed, for reports (never the key); null when sent.</param>
/// <param name="Permanent">
/// True when sending the same message again cannot help: a refused key or message, an errcode other than 45009
/// and -1, an image over 2 MB. False after retries ran out on a transient failure: try again later.
/// </param>
/// <param name="Ambiguous">
/// True when an attempt ended without knowing whether WeCom had received the part (a timeout or a connection
/// lost after the request went out): a part that was then sent again may show twice in the group, and a part
/// reported as not sent may have arrived all the same.
/// </param>
public sealed record RobotSendResult(bool Sent, int PartsSent, int PartsTotal, int? ErrorCode, string? Error, bool Permanent, bool Ambiguous)
{
    internal static RobotSendResult Delivered(int parts, bool ambiguous) => new(true, parts, parts, null, null, false, ambiguous);

    internal static RobotSendResult Refused(string error) => new(false, 0, 1, null, error, Permanent: true, Ambiguous: false);
}
