using System.Text;
using ChatPost.Bot.Tests.Support;
using ChatPost.Bot.WeChat;
using static ChatPost.Bot.Tests.WeChat.WeChatVectors;

namespace ChatPost.Bot.Tests.WeChat;

/// <summary>
/// The fast path must never disagree with XmlReader: whatever it accepts, the reader accepts with the same fields.
/// And it must actually be taken for what WeChat sends, or the speed it exists for is silently gone.
/// </summary>
public sealed class FlatXmlTests
{
    private static readonly string[] Sent =
    [
        V6.Msg,
        V7.InboundBody,
        V7.InboundPlain,
        WeChatPush.TextXml("oUser", "EA123456785CN到哪了 😀", 1234567890123456),
        WeChatPush.EventXml("oUser", "subscribe", 1_700_000_000),
        WeChatPush.EventXml("oUser", "CLICK", 1_700_000_000, "MENU_TRACK"),
        "<xml><ToUserName><![CDATA[gh_chatpost]]></ToUserName><Encrypt><![CDATA[" + new string('A', 460) + "==]]></Encrypt></xml>",
        "<xml>\n  <ToUserName><![CDATA[gh]]></ToUserName>\n  <CreateTime>1700000000</CreateTime>\n  <Recognition/>\n</xml>\n",
    ];

    public static TheoryData<string> WhatWeChatSends => new(Sent);

    [Theory]
    [MemberData(nameof(WhatWeChatSends))]
    public void TryRead_WhatWeChatSends_TakesTheFastPathWithTheReadersFields(string xml)
    {
        var fast = new Dictionary<string, string>(StringComparer.Ordinal);

        var took = FlatXml.TryRead(xml, fast);

        Assert.True(took);
        Assert.True(WeChatXml.TryReadWithXmlReader(xml, new Dictionary<string, string>(StringComparer.Ordinal), out var read));
        Assert.Equal(read, fast);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><xml><A>1</A></xml>")]
    [InlineData("<xml><A>a\r\nb</A></xml>")]
    [InlineData("<xml><A>&lt;</A></xml>")]
    [InlineData("<xml><A x=\"1\">a</A></xml>")]
    [InlineData("<xml><A><B>b</B></A></xml>")]
    [InlineData("<xml><!-- c --><A>a</A></xml>")]
    [InlineData("<xml><中>a</中></xml>")]
    [InlineData("<xml><A>\u0001</A></xml>")]
    [InlineData("<!DOCTYPE xml><xml><A>a</A></xml>")]
    [InlineData("<xml><A>a]]>b</A></xml>")]
    [InlineData("<xml><A>a</A></xml><xml/>")]
    [InlineData("<xml><A>a</B></xml>")]
    [InlineData("<xml/>")]
    public void TryRead_AnythingElse_LeavesItToTheReader(string xml)
    {
        Assert.False(FlatXml.TryRead(xml, new Dictionary<string, string>(StringComparer.Ordinal)));
    }

    [Fact]
    public void TryRead_UnpairedSurrogate_LeavesItToTheReader()
    {
        // Not an InlineData: xunit would replace the lone surrogate when it serialises the case.
        Assert.False(FlatXml.TryRead("<xml><A>\uD800</A></xml>", new Dictionary<string, string>(StringComparer.Ordinal)));
        Assert.False(FlatXml.TryRead("<xml><A>\uDE00\uD83D</A></xml>", new Dictionary<string, string>(StringComparer.Ordinal)));
    }

    [Fact]
    public void TryRead_HundredThousandMutations_NeverDisagreesWithTheReader()
    {
        var random = new Random(20200214);
        string[] seeds = [.. Sent,
            "<xml><A>x<![CDATA[y]]>z</A><A>second</A><B/><C> </C></xml>"];
        const string Alphabet = "<>/![]&;CDAT \t\n\r\"'=?-xml中\u0001\uD83D\uDE00\uD800_.:";
        var fastTaken = 0;
        for (var i = 0; i < 100_000; i++)
        {
            var xml = Mutate(random, seeds[random.Next(seeds.Length)]);
            var fast = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!FlatXml.TryRead(xml, fast))
            {
                continue;
            }

            fastTaken++;
            var readerAccepts = WeChatXml.TryReadWithXmlReader(xml, new Dictionary<string, string>(StringComparer.Ordinal), out var read);
            Assert.True(readerAccepts, $"the fast path accepted what the reader refuses: {Escape(xml)}");
            Assert.True(read!.Count == fast.Count && read.All(field => fast.TryGetValue(field.Key, out var value) && value == field.Value),
                $"the fields differ for {Escape(xml)}");
        }

        Assert.True(fastTaken > 10_000, $"only {fastTaken} mutations stayed on the fast path: the test no longer tests it");

        static string Mutate(Random random, string seed)
        {
            var text = new StringBuilder(seed);
            for (var edits = random.Next(1, 4); edits > 0 && text.Length > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(4))
                {
                    case 0: text.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                    case 1: text.Remove(at, Math.Min(random.Next(1, 4), text.Length - at)); break;
                    case 2: text.Insert(at, seed.AsSpan(random.Next(seed.Length / 2), random.Next(1, 12))); break;
                    default: break; // some cases stay valid, so the comparison also covers accepted documents
                }
            }

            return text.ToString();
        }
    }

    private static string Escape(string xml) => string.Concat(xml.Select(c => c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
