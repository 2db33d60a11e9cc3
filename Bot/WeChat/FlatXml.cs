using System.Buffers;
using System.Text;

namespace ChatPost.Bot.WeChat;

/// <summary>
/// The fast path of <see cref="WeChatXml"/> for the shape WeChat actually sends: a root <c>xml</c> whose children
/// are leaves holding text and CDATA, such as <c>&lt;xml&gt;&lt;ToUserName&gt;&lt;![CDATA[gh_…]]&gt;&lt;/ToUserName&gt;…&lt;/xml&gt;</c>.
/// It reads that in one pass over the string, where <see cref="System.Xml.XmlReader"/> allocates ~13 KB of buffers
/// per document. Anything else (an XML declaration, attributes, comments, entity references, CR, nested elements,
/// names outside plain ASCII, characters XML forbids, unpaired surrogates…) makes it give up, and the caller reads
/// the document with the hardened <see cref="System.Xml.XmlReader"/>, which then accepts or refuses it. So for every
/// document this path accepts, the fields are exactly those the reader would return.
/// </summary>
internal static class FlatXml
{
    private const string CDataStart = "<![CDATA[";
    private const string CDataEnd = "]]>";

    // Characters XML 1.0 forbids in content, plus CR (the reader normalises line ends) and surrogates (checked apart).
    private static readonly SearchValues<char> NeedsCare = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    private static readonly SearchValues<char> TextStops = SearchValues.Create("<&");

    private static readonly SearchValues<char> NameChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.");

    /// <summary>
    /// Reads <paramref name="xml"/> into <paramref name="fields"/> when it has the flat shape; false (with
    /// <paramref name="fields"/> possibly half filled) when it does not, which says nothing about its validity.
    /// </summary>
    public static bool TryRead(string xml, Dictionary<string, string> fields)
    {
        var text = xml.AsSpan();
        if (text.Length > WeChatXml.MaxBodyBytes * 2 || text.ContainsAny(NeedsCare) || (text.ContainsAnyInRange('\uD800', '\uDFFF') && !SurrogatesArePaired(text)))
        {
            return false;
        }

        var at = SkipWhitespace(text, 0);
        if (!text[at..].StartsWith("<xml>", StringComparison.Ordinal))
        {
            return false;
        }

        at += "<xml>".Length;
        while (true)
        {
            at = SkipWhitespace(text, at);
            if (text[at..].StartsWith("</xml", StringComparison.Ordinal))
            {
                at = SkipWhitespace(text, at + "</xml".Length);
                return at < text.Length && text[at] == '>' && SkipWhitespace(text, at + 1) == text.Length;
            }

            if (!TryReadLeaf(text, ref at, out var name, out var value))
            {
                return false;
            }

            fields.TryAdd(name, value);
        }
    }

    // At '<' of a child's start tag: reads <Name>content</Name> or <Name/>, leaving at after the end tag.
    private static bool TryReadLeaf(ReadOnlySpan<char> text, ref int at, out string name, out string value)
    {
        name = value = "";
        if (at >= text.Length || text[at] != '<')
        {
            return false;
        }

        var nameLength = text[(at + 1)..].IndexOfAnyExcept(NameChars);
        if (nameLength <= 0 || (!char.IsAsciiLetter(text[at + 1]) && text[at + 1] != '_'))
        {
            return false;
        }

        var nameSpan = text.Slice(at + 1, nameLength);
        at = SkipWhitespace(text, at + 1 + nameLength);
        if (text[at..].StartsWith("/>", StringComparison.Ordinal))
        {
            name = nameSpan.ToString();
            at += 2;
            return true;
        }

        if (at >= text.Length || text[at] != '>')
        {
            return false; // attributes, or the document ends
        }

        at++;
        var content = new ValueBuilder();
        while (true)
        {
            var stop = text[at..].IndexOfAny(TextStops);
            if (stop < 0 || text[at + stop] == '&')
            {
                return false;
            }

            var run = text.Slice(at, stop);
            if (run.Contains(CDataEnd, StringComparison.Ordinal))
            {
                return false;
            }

            content.Append(run);
            at += stop;
            var rest = text[at..];
            if (rest.StartsWith(CDataStart, StringComparison.Ordinal))
            {
                var end = rest[CDataStart.Length..].IndexOf(CDataEnd, StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }

                content.Append(rest.Slice(CDataStart.Length, end));
                at += CDataStart.Length + end + CDataEnd.Length;
                continue;
            }

            if (!rest.StartsWith("</", StringComparison.Ordinal) || !rest[2..].StartsWith(nameSpan, StringComparison.Ordinal))
            {
                return false; // a nested element, a comment, or a mismatched end tag
            }

            at = SkipWhitespace(text, at + 2 + nameSpan.Length);
            if (at >= text.Length || text[at] != '>')
            {
                return false;
            }

            at++;
            name = nameSpan.ToString();
            value = content.ToString();
            return true;
        }
    }

    private static int SkipWhitespace(ReadOnlySpan<char> text, int at)
    {
        while (at < text.Length && text[at] is ' ' or '\t' or '\n')
        {
            at++;
        }

        return at;
    }

    private static bool SurrogatesArePaired(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A leaf's value: most are one text run or one CDATA section, which need no builder.</summary>
    private ref struct ValueBuilder
    {
        private ReadOnlySpan<char> _single;
        private StringBuilder? _many;
        private bool _any;

        public void Append(ReadOnlySpan<char> part)
        {
            if (part.IsEmpty)
            {
                return;
            }

            if (!_any)
            {
                _single = part;
                _any = true;
                return;
            }

            _many ??= new StringBuilder().Append(_single);
            _many.Append(part);
        }

        public override readonly string ToString() => _many?.ToString() ?? _single.ToString();
    }
}
