namespace ChatPost.Bot.WeChat;

/// <summary>The <c>errcode</c> values of WeChat's and WeCom's HTTP APIs that ChatPost acts on (WECHAT.md §2, §4.4, §5).</summary>
public static class WeChatErrorCodes
{
    public const int Ok = 0;

    /// <summary>System busy: try again later.</summary>
    public const int SystemBusy = -1;

    /// <summary>Ours, not WeChat's: the API could not be reached (timeout, connection refused, 5xx after retries).</summary>
    public const int Unreachable = -99;

    /// <summary>AppSecret wrong, or the access_token is not (or no longer) valid.</summary>
    public const int InvalidCredential = 40001;

    public const int InvalidAccessToken = 40014;
    public const int AccessTokenExpired = 42001;

    /// <summary>Not an OpenID of this account (WECHAT.md §2): the user is not there to reach.</summary>
    public const int InvalidOpenId = 40003;

    /// <summary>Template message: the template id is not one of this account's.</summary>
    public const int InvalidTemplateId = 40037;

    /// <summary>The recipient must follow the account: they unfollowed.</summary>
    public const int RequireSubscribe = 43004;

    /// <summary>Template message: a field does not fit its keyword (too long, wrong kind).</summary>
    public const int ArgumentInvalid = 47003;

    /// <summary>The account may not call this API (not certified, or the permission was withdrawn).</summary>
    public const int ApiUnauthorized = 48001;

    /// <summary>The user is outside the customer-service window, or has unfollowed.</summary>
    public const int ResponseOutOfTimeLimit = 45015;

    /// <summary>Customer-service message quota for this user used up.</summary>
    public const int OutOfResponseCountLimit = 45047;

    /// <summary>API frequency limit (also a group robot's 20 messages a minute).</summary>
    public const int ApiFrequencyLimit = 45009;

    /// <summary>Group robot: the webhook key is invalid or was removed.</summary>
    public const int InvalidWebhookUrl = 93000;

    /// <summary>
    /// True for the outcomes that may pass by themselves (WeChat unreachable or busy, a frequency limit, a token being
    /// replaced), after which a send is tried again later; every other error is an answer, and retrying it changes nothing.
    /// </summary>
    public static bool IsTransient(int errorCode) =>
        errorCode is Unreachable or SystemBusy or ApiFrequencyLimit || IsTokenRejected(errorCode);

    /// <summary>True for the codes after which a fresh access_token is fetched and the call retried once.</summary>
    public static bool IsTokenRejected(int errorCode) =>
        errorCode is InvalidCredential or InvalidAccessToken or AccessTokenExpired;
}
