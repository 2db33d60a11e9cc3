using System.Globalization;
using System.Runtime.CompilerServices;

namespace ChatPost.Bot.WeChat;

/// <summary>
/// Writes passive replies, the HTTP response to a push, in exactly the documented shapes (WECHAT.md §1.6, §1.7):
/// one element per line, LF line breaks, no trailing line break, every string in CDATA.
/// </summary>
/// <remarks>
/// Reply <c>toUser</c> is the received FromUserName (the user) and <c>fromUser</c> the received ToUserName (the
/// account). A "]]&gt;" inside a value is split across two CDATA sections, so any text survives unchanged.
/// Characters XML 1.0 forbids (most C0 controls, lone surrogates) are not removed: keep them out of replies.
/// </remarks>
public static class WeChatReplyXml
{
    // Every reply is written into one stack buffer of this many chars (into pooled arrays beyond it), so that the
    // answer string is its only allocation: a StringBuilder's growing chunks were twice the reply's size, per push.
    private const int StackChars = 1024;

    /// <summary>The "no reply" body: WeChat neither shows anything nor retries; it needs no encryption.</summary>
    public const string Success = "success";

    /// <summary>The most articles one news reply may carry; only 1 is shown when answering a user's message.</summary>
    public const int MaxNewsArticles = 8;

    /// <summary>A text reply; line breaks in <paramref name="content"/> are shown as line breaks.</summary>
    /// <exception cref="ArgumentNullException">Any argument is null.</exception>
    public static string Text(string toUser, string fromUser, long createTime, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var xml = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[StackChars]);
        Begin(ref xml, toUser, fromUser, createTime, "text");
        AppendCData(ref xml, "Content", content);
        xml.AppendLiteral("\n</xml>");
        return xml.ToStringAndClear();
    }

    /// <summary>A news (图文) reply with 1 to 8 articles.</summary>
    /// <exception cref="ArgumentNullException">Any argument or article is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="articles"/> is empty or has more than 8.</exception>
    public static string News(string toUser, string fromUser, long createTime, IReadOnlyList<NewsArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentOutOfRangeException.ThrowIfZero(articles.Count, nameof(articles));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(articles.Count, MaxNewsArticles, nameof(articles));
        foreach (var article in articles)
        {
            ArgumentNullException.ThrowIfNull(article, nameof(articles));
            ArgumentNullException.ThrowIfNull(article.Title, nameof(articles));
        }

        var xml = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[StackChars]);
        Begin(ref xml, toUser, fromUser, createTime, "news");
        xml.AppendLiteral("<ArticleCount>");
        xml.AppendFormatted(articles.Count);
        xml.AppendLiteral("</ArticleCount>\n<Articles>\n");
        foreach (var article in articles)
        {
            xml.AppendLiteral("<item>\n");
            AppendCData(ref xml, "Title", article.Title);
            xml.AppendLiteral("\n");
            AppendCData(ref xml, "Description", article.Description ?? string.Empty);
            xml.AppendLiteral("\n");
            AppendCData(ref xml, "PicUrl", article.PicUrl ?? string.Empty);
            xml.AppendLiteral("\n");
            AppendCData(ref xml, "Url", article.Url ?? string.Empty);
            xml.AppendLiteral("\n</item>\n");
        }

        xml.AppendLiteral("</Articles>\n</xml>");
        return xml.ToStringAndClear();
    }

    /// <summary>Hands the user's message to the customer-service (客服) system; send it for user messages only, not events.</summary>
    /// <param name="toUser">The user's OpenID.</param>
    /// <param name="fromUser">The account's <c>gh_…</c> id.</param>
    /// <param name="createTime">Unix seconds.</param>
    /// <param name="kfAccount">One agent (<c>name@account</c>) to assign, or null to let WeChat choose.</param>
    /// <exception cref="ArgumentNullException"><paramref name="toUser"/> or <paramref name="fromUser"/> is null.</exception>
    public static string TransferCustomerService(string toUser, string fromUser, long createTime, string? kfAccount = null)
    {
        var xml = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[StackChars]);
        Begin(ref xml, toUser, fromUser, createTime, "transfer_customer_service");
        if (kfAccount is not null)
        {
            xml.AppendLiteral("<TransInfo>\n");
            AppendCData(ref xml, "KfAccount", kfAccount);
            xml.AppendLiteral("\n</TransInfo>\n");
        }

        xml.AppendLiteral("</xml>");
        return xml.ToStringAndClear();
    }

    /// <summary>The safe-mode reply envelope around an encrypted reply.</summary>
    /// <param name="encrypt">The base64 value from <see cref="WeChatMessageCrypto.Encrypt(string)"/>.</param>
    /// <param name="msgSignature">The signature over token, <paramref name="timestamp"/>, <paramref name="nonce"/> and <paramref name="encrypt"/>.</param>
    /// <param name="timestamp">Unix seconds as ASCII digits; written without CDATA, as documented.</param>
    /// <param name="nonce">Any nonce; echoing the request's is fine.</param>
    /// <exception cref="ArgumentNullException">Any argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="timestamp"/> is empty or not all ASCII digits.</exception>
    public static string EncryptedEnvelope(string encrypt, string msgSignature, string timestamp, string nonce)
    {
        ArgumentNullException.ThrowIfNull(encrypt);
        ArgumentNullException.ThrowIfNull(msgSignature);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentException.ThrowIfNullOrEmpty(timestamp);
        if (timestamp.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("The timestamp must be Unix seconds in ASCII digits.", nameof(timestamp));
        }

        var xml = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[StackChars]);
        xml.AppendLiteral("<xml>\n");
        AppendCData(ref xml, "Encrypt", encrypt);
        xml.AppendLiteral("\n");
        AppendCData(ref xml, "MsgSignature", msgSignature);
        xml.AppendLiteral("\n<TimeStamp>");
        xml.AppendFormatted(timestamp);
        xml.AppendLiteral("</TimeStamp>\n");
        AppendCData(ref xml, "Nonce", nonce);
        xml.AppendLiteral("\n</xml>");
        return xml.ToStringAndClear();
    }

    private static void Begin(ref DefaultInterpolatedStringHandler xml, string toUser, string fromUser, long createTime, string msgType)
    {
        ArgumentNullException.ThrowIfNull(toUser);
        ArgumentNullException.ThrowIfNull(fromUser);
        xml.AppendLiteral("<xml>\n");
        AppendCData(ref xml, "ToUserName", toUser);
        xml.AppendLiteral("\n");
        AppendCData(ref xml, "FromUserName", fromUser);
        xml.AppendLiteral("\n<CreateTime>");
        xml.AppendFormatted(createTime);
        xml.AppendLiteral("</CreateTime>\n");
        AppendCData(ref xml, "MsgType", msgType);
        xml.AppendLiteral("\n");
    }

    // CDATA cannot contain "]]>": end the section after "]]" and start a new one for ">".
    private static void AppendCData(ref DefaultInterpolatedStringHandler xml, string name, string value)
    {
        xml.AppendLiteral("<");
        xml.AppendLiteral(name);
        xml.AppendLiteral("><![CDATA[");
        xml.AppendFormatted(value.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal));
        xml.AppendLiteral("]]></");
        xml.AppendLiteral(name);
        xml.AppendLiteral(">");
    }
}
