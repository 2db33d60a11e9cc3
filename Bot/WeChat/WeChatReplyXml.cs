using System.Globalization;
using System.Text;

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
    /// <summary>The "no reply" body: WeChat neither shows anything nor retries; it needs no encryption.</summary>
    public const string Success = "success";

    /// <summary>The most articles one news reply may carry; only 1 is shown when answering a user's message.</summary>
    public const int MaxNewsArticles = 8;

    /// <summary>A text reply; line breaks in <paramref name="content"/> are shown as line breaks.</summary>
    /// <exception cref="ArgumentNullException">Any argument is null.</exception>
    public static string Text(string toUser, string fromUser, long createTime, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var xml = Begin(toUser, fromUser, createTime, "text");
        return AppendCData(xml, "Content", content).Append("\n</xml>").ToString();
    }

    /// <summary>A news (图文) reply with 1 to 8 articles.</summary>
    /// <exception cref="ArgumentNullException">Any argument or article is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="articles"/> is empty or has more than 8.</exception>
    public static string News(string toUser, string fromUser, long createTime, IReadOnlyList<NewsArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentOutOfRangeException.ThrowIfZero(articles.Count, nameof(articles));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(articles.Count, MaxNewsArticles, nameof(articles));
        var xml = Begin(toUser, fromUser, createTime, "news")
            .Append(CultureInfo.InvariantCulture, $"<ArticleCount>{articles.Count}</ArticleCount>\n<Articles>\n");
        foreach (var article in articles)
        {
            ArgumentNullException.ThrowIfNull(article, nameof(articles));
            ArgumentNullException.ThrowIfNull(article.Title, nameof(articles));
            xml.Append("<item>\n");
            AppendCData(xml, "Title", article.Title).Append('\n');
            AppendCData(xml, "Description", article.Description ?? string.Empty).Append('\n');
            AppendCData(xml, "PicUrl", article.PicUrl ?? string.Empty).Append('\n');
            AppendCData(xml, "Url", article.Url ?? string.Empty).Append("\n</item>\n");
        }

        return xml.Append("</Articles>\n</xml>").ToString();
    }

    /// <summary>Hands the user's message to the customer-service (客服) system; send it for user messages only, not events.</summary>
    /// <param name="toUser">The user's OpenID.</param>
    /// <param name="fromUser">The account's <c>gh_…</c> id.</param>
    /// <param name="createTime">Unix seconds.</param>
    /// <param name="kfAccount">One agent (<c>name@account</c>) to assign, or null to let WeChat choose.</param>
    /// <exception cref="ArgumentNullException"><paramref name="toUser"/> or <paramref name="fromUser"/> is null.</exception>
    public static string TransferCustomerService(string toUser, string fromUser, long createTime, string? kfAccount = null)
    {
        var xml = Begin(toUser, fromUser, createTime, "transfer_customer_service");
        if (kfAccount is not null)
        {
            xml.Append("<TransInfo>\n");
            AppendCData(xml, "KfAccount", kfAccount).Append("\n</TransInfo>\n");
        }

        return xml.Append("</xml>").ToString();
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

        var xml = new StringBuilder("<xml>\n");
        AppendCData(xml, "Encrypt", encrypt).Append('\n');
        AppendCData(xml, "MsgSignature", msgSignature).Append('\n');
        xml.Append("<TimeStamp>").Append(timestamp).Append("</TimeStamp>\n");
        return AppendCData(xml, "Nonce", nonce).Append("\n</xml>").ToString();
    }

    private static StringBuilder Begin(string toUser, string fromUser, long createTime, string msgType)
    {
        ArgumentNullException.ThrowIfNull(toUser);
        ArgumentNullException.ThrowIfNull(fromUser);
        var xml = new StringBuilder("<xml>\n");
        AppendCData(xml, "ToUserName", toUser).Append('\n');
        AppendCData(xml, "FromUserName", fromUser).Append('\n');
        xml.Append(CultureInfo.InvariantCulture, $"<CreateTime>{createTime}</CreateTime>\n");
        return AppendCData(xml, "MsgType", msgType).Append('\n');
    }

    // CDATA cannot contain "]]>": end the section after "]]" and start a new one for ">".
    private static StringBuilder AppendCData(StringBuilder xml, string name, string value) =>
        xml.Append('<').Append(name).Append("><![CDATA[")
            .Append(value.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal))
            .Append("]]></").Append(name).Append('>');
}
