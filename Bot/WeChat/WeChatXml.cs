using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using System.Xml;

namespace ChatPost.Bot.WeChat;

/// <summary>
/// Reads WeChat callback XML (<c>&lt;xml&gt;&lt;Field&gt;value&lt;/Field&gt;…&lt;/xml&gt;</c>) into a flat
/// field map, hardened against hostile bodies: no DTDs, no entities, no resolver, bounded size and depth.
/// </summary>
public static class WeChatXml
{
    /// <summary>The largest body accepted, in bytes (64 KiB); WeChat callbacks are a few KiB at most.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    // WeChat nests at most a few levels (SendPicsInfo/PicList/item/PicMd5Sum); the limit keeps recursion shallow.
    private const int MaxDepth = 8;

    /// <summary>Reads the fields of a callback document.</summary>
    /// <param name="xml">The whole document; it must have the root element <c>xml</c> (case-sensitive).</param>
    /// <param name="fields">
    /// Element name → text, ordinal keys. Each child of the root with text or CDATA content maps to that content,
    /// exactly as written apart from XML's own line-end normalisation (CR LF → LF); an empty element maps to "".
    /// Elements nested deeper are flattened into slash-separated paths (<c>ScanCodeInfo/ScanResult</c>), and only
    /// leaves are recorded. When a name or path repeats, the first occurrence wins. Null on failure.
    /// </param>
    /// <returns>
    /// <see langword="false"/>, without throwing, for malformed or truncated XML, any DOCTYPE or entity reference
    /// other than the five predefined ones, a root other than <c>xml</c>, more than
    /// <c>2 × <see cref="MaxBodyBytes"/></c> characters, or nesting deeper than 8 elements.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="xml"/> is null.</exception>
    public static bool TryReadFields(string xml, [NotNullWhen(true)] out IReadOnlyDictionary<string, string>? fields)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (FlatXml.TryRead(xml, result))
        {
            fields = result;
            return true;
        }

        result.Clear();
        return TryReadWithXmlReader(xml, result, out fields);
    }

    /// <summary>The general path: every document the fast path leaves, read by the hardened <see cref="XmlReader"/>.</summary>
    internal static bool TryReadWithXmlReader(string xml, Dictionary<string, string> result,
        [NotNullWhen(true)] out IReadOnlyDictionary<string, string>? fields)
    {
        fields = null;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxBodyBytes * 2,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var text = new StringReader(xml);
            using var reader = XmlReader.Create(text, settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.Name != "xml"
                || (!reader.IsEmptyElement && !TryReadContent(reader, prefix: null, result, out _)))
            {
                return false;
            }

            // Read to the end so that trailing garbage, such as a second root element, is rejected too.
            while (reader.Read())
            {
            }
        }
        catch (XmlException)
        {
            return false;
        }

        fields = result;
        return true;
    }

    /// <summary>Reads the fields of a UTF-8 callback body, as <see cref="TryReadFields(string, out IReadOnlyDictionary{string, string}?)"/> does.</summary>
    /// <param name="utf8Xml">The raw body; a leading UTF-8 byte-order mark is skipped.</param>
    /// <param name="fields">The field map, or null on failure.</param>
    /// <returns><see langword="false"/> also for more than <see cref="MaxBodyBytes"/> bytes or invalid UTF-8.</returns>
    public static bool TryReadFields(ReadOnlySpan<byte> utf8Xml, [NotNullWhen(true)] out IReadOnlyDictionary<string, string>? fields)
    {
        fields = null;
        if (utf8Xml.StartsWith("\uFEFF"u8))
        {
            utf8Xml = utf8Xml[3..];
        }

        return utf8Xml.Length <= MaxBodyBytes && Utf8.IsValid(utf8Xml)
            && TryReadFields(Encoding.UTF8.GetString(utf8Xml), out fields);
    }

    // The reader is on a non-empty start tag; on success it is left on the matching end tag. The element's own text
    // comes back in value, or null when it contains elements (then only its leaves are recorded, under prefix/…).
    private static bool TryReadContent(XmlReader reader, string? prefix, Dictionary<string, string> fields, out string? value)
    {
        value = null;
        if (reader.Depth > MaxDepth)
        {
            return false;
        }

        var text = new StringBuilder();
        var hasChildren = false;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.EndElement:
                    value = hasChildren ? null : text.ToString();
                    return true;
                case XmlNodeType.Element:
                    hasChildren = true;
                    var path = prefix is null ? reader.Name : prefix + "/" + reader.Name;
                    string? child = string.Empty;
                    if (!reader.IsEmptyElement && !TryReadContent(reader, path, fields, out child))
                    {
                        return false;
                    }

                    if (child is not null)
                    {
                        fields.TryAdd(path, child);
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    text.Append(reader.Value);
                    break;
            }
        }

        return false;
    }
}
