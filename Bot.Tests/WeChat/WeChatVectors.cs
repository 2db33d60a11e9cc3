namespace ChatPost.Bot.Tests.WeChat;

/// <summary>The test vectors of WECHAT.md §9, verbatim ("\n" is LF).</summary>
internal static class WeChatVectors
{
    /// <summary>V3: the official MP Java test (fixed random).</summary>
    internal static class V3
    {
        public const string Token = "pamtest";
        public const string EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        public const string AppId = "wxb11529c136998cb6";
        public const string Timestamp = "1409304348";
        public const string Nonce = "xxxxxx";
        public const string Random = "aaaabbbbccccdddd";
        public const string ReplyMsg = "我是中文abcd123";
        public const string AfterAesEncrypt = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";
        public const string ReplyMsg2 = "<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>";
        public const string AfterAesEncrypt2 = "jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb";
        public const string AesKeyHex = "69b71d79f8218a39259a7a29aabb2dbafc31cb3d35db7e39ebbf3d0010831051";
        public const string PlainSignature = "76480565cbe296026c53aaacd1ad523a1ddba24f";
    }

    /// <summary>V6: the Open Platform "消息推送" worked example (all-zero key), inbound and outbound.</summary>
    internal static class V6
    {
        public const string Token = "AAAAA";
        public const string EncodingAesKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        public const string ReceiveId = "wx134c8103faa5a59e";
        public const string PlainSignature = "cc0c594499c1634947d5b502f158ee518947db27";
        public const string MsgSignature = "6c12a4205838198b8fa631b3220723bb07f1015c";
        public const string Timestamp = "1715943329";
        public const string Nonce = "1590219412";
        public const string Encrypt = "D7yzvUNAL930rd28wf21s4hvXhz0L6Uit/p2Di6C5DHyYGpEgdBRnKjBec34JwoQXicwaZC7fOVihW80F4VtsdvE//1vr7oAbqjDv8KenVp+ajKYpJnyQ4zMRhIC+a31fCVOMC03FfzV/QuC94kBP55a+Za3sJgvAn+ZbsNqZI5DkyuzkhQN8OBqCzFhizGmy0xpM0MEA4agpvE+RuNO1rhHTtuJB5yltw1FiYzecSXJ+y/D2r81VkRn2eYjh2ltsoyfbDR7Is6ookXIFxTfyeNyeHxMeT4KN5WpCDmSbTcUYrbBUlkGLJ9n/rU8YOywma6G7aTb7KZKOqCxgfoUlYEZPk4FUL/TK7ShriFDMVCLyjQJ15Ob++agDWtcxhfUfe6HIoIpRW8mKNBQiY/Jd1svvuskA1wLef1RTtzKfMpagSCX/laZINmdnX4zrF6kIaR9P4xQrWXbsTFHTYe0Mg==";
        public const string Random = "1205899eaf019bbd";
        public const int MsgLength = 292;
        public const int Pad = 22;
        public const string Msg = "<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>\n<FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName>\n<CreateTime>1715943329</CreateTime>\n<MsgType><![CDATA[event]]></MsgType>\n<Event><![CDATA[debug_demo]]></Event>\n<debug_str><![CDATA[hello world]]></debug_str>\n</xml>";

        public const string ReplyMsg = "<xml><demo_resp>[CDATA[good luck]]</demo_resp></xml>";
        public const string ReplyRandom = "999951349e8ee746";
        public const string ReplyEncrypt = "hE8R6mGXHkJJjU72KxzKUd1GEkKJaEZq7vRL8XgK3o+00k8JGq6+pZJUIlTSyhsX+bxIBQ72g3GyvDdIZcr6+3HAZbSvPT9t/o11MI7d6WELwqrGd7jMnV0zv3Zc9Nq7";
        public const string ReplyTimestamp = "1713424427";
        public const string ReplyNonce = "415670741";
        public const string ReplyMsgSignature = "03e0812039325c2712ef5f0f980fd14c70d6e307";
        public const string ReplyBody = "<xml>\n<Encrypt><![CDATA[hE8R6mGXHkJJjU72KxzKUd1GEkKJaEZq7vRL8XgK3o+00k8JGq6+pZJUIlTSyhsX+bxIBQ72g3GyvDdIZcr6+3HAZbSvPT9t/o11MI7d6WELwqrGd7jMnV0zv3Zc9Nq7]]></Encrypt>\n<MsgSignature><![CDATA[03e0812039325c2712ef5f0f980fd14c70d6e307]]></MsgSignature>\n<TimeStamp>1713424427</TimeStamp>\n<Nonce><![CDATA[415670741]]></Nonce>\n</xml>";
    }

    /// <summary>V7: wechatpy's tests/test_crypto.py (WeCom) and tests/test_utils.py (V7d).</summary>
    internal static class V7
    {
        public const string Token = "123456";
        public const string EncodingAesKey = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";
        public const string CorpId = "wx49f0ab532d5d035a";

        public const string EchoSignature = "dd6b9c95b495b3f7e2901bfbc76c664930ffdb96";
        public const string EchoTimestamp = "1411443780";
        public const string EchoNonce = "437374425";
        public const string EchoWrongNonce = "437374424";
        public const string EchoStr = "4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==";
        public const string EchoPlain = "5927782489442352469";

        public const string ReplyRandom = "1234567890123456";
        public const string ReplyNonce = "461056294";
        public const string ReplyTimestamp = "1411525903";
        public const string Reply = "<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n<ToUserName><![CDATA[messense]]></ToUserName>\n<AgentID>1</AgentID>\n<CreateTime>1411525903</CreateTime>\n</xml>";
        public const string ReplyEncrypt = "9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBYqxgNcBqGsL8GqxlhZgURnAtObvesEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qvSUCUld+/WIXrx0oyKQmpB6o8NRrrNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmNOuiR5MIkdQ39xn1vWwi1O5oazPoQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3";
        public const string ReplyMsgSignature = "407518b7649e86ef23978113f92d27afa9296533";
        public const string ReplyBody = "<xml>\n<Encrypt><![CDATA[" + ReplyEncrypt + "]]></Encrypt>\n<MsgSignature><![CDATA[" + ReplyMsgSignature + "]]></MsgSignature>\n<TimeStamp>1411525903</TimeStamp>\n<Nonce><![CDATA[461056294]]></Nonce>\n</xml>";

        public const string InboundSignature = "74d92dfeb87ba7c714f89d98870ae5eb62dff26d";
        public const string InboundEncrypt = "RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=";
        public const string InboundBody = "<xml><ToUserName><![CDATA[wx49f0ab532d5d035a]]></ToUserName>\n<Encrypt><![CDATA[" + InboundEncrypt + "]]></Encrypt>\n<AgentID><![CDATA[1]]></AgentID>\n</xml>";
        public const string InboundPlain = "<xml><ToUserName><![CDATA[wx49f0ab532d5d035a]]></ToUserName>\n<FromUserName><![CDATA[messense]]></FromUserName>\n<CreateTime>1411525903</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<MsgId>4363689963896700987</MsgId>\n<AgentID>1</AgentID>\n</xml>";
        public const string InboundRandom = "ec90b1530358d4d3";

        public const string PlainToken = "test";
        public const string PlainTimestamp = "1410685589";
        public const string PlainNonce = "test";
        public const string PlainSignature = "f21891de399b4e33a1a93c9a7b8a8fffb5a443ff";
        public const string PlainWrongSignature = "f21891de399b4e33a1a93c9a7b8a8fffb5a443fe";
    }
}

/// <summary>
/// R1–R3 of WECOM-ROBOT.md §7: the 智能机器人's JSON mode with receive id <c>""</c>, computed (not published) with the
/// official WeCom sample's Token and EncodingAESKey, fixed random <c>0123456789abcdef</c>.
/// </summary>
internal static class RobotVectors
{
    public const string Token = "QDG6eK";
    public const string EncodingAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string Random = "0123456789abcdef";
    public const string Timestamp = "1409659589";
    public const string Nonce = "263014780";

    public const string R1EchoStr = "sKqRbbiSUnDhFHOvPjtUMWzf2R8PrpMiTTPaicBgqZm9eFleDkaZY7LObMBXhUqCcxijQlSKcvc+WpPyowukzA==";
    public const string R1Signature = "6d98f64d2824842c066636cbebd890acc6e19099";
    public const string R1Query = "/wechat/work/robot?msg_signature=6d98f64d2824842c066636cbebd890acc6e19099&timestamp=1409659589&nonce=263014780&echostr=sKqRbbiSUnDhFHOvPjtUMWzf2R8PrpMiTTPaicBgqZm9eFleDkaZY7LObMBXhUqCcxijQlSKcvc%2BWpPyowukzA%3D%3D";
    public const string R1Plain = "1616140317555161061";

    public const string R2EchoStr = "sKqRbbiSUnDhFHOvPjtUMWzf2R8PrpMiTTPaicBgqZlYW/WsF6SiFd2z9CriX2YpWYzF1yrNNQ0SomM3ovdnfA==";
    public const string R2Signature = "78c387407a9d2cf24bd3f04727d28ac889d8d014";
    public const string R2Tail = "wx5823bf96d3bd56c7";

    public const string R3Signature = "80cdb8c73b7820ee1fde136a615cc89266d390c9";
    public const string R3Encrypt = "sKqRbbiSUnDhFHOvPjtUMcw0RmRNkLSpAwtrwZiMb9vVnpG3UVwnmBvcI4Hn9HXYXR+P8ZHkMy5J/emUWEvGEoYyLQ1sHR5gbyfkDv1sPJuwYvXryOyuAT2s0y64qmWqSCi+rxqA2c4Jpx9vFsl8xkSwf0JfF0huG2Z6s1AGgFS8S06CLbMIthQ4sKTzaoMOFv4p779b0bgcQh8N8z6Duig8JKjMdbiK06I3TKmPyBsUZOWKQVwVvY5jtDTkLGjve14QqajYP/JdK5l4W/YNtOoMkO1Kc1JL49K8AhBshNK7x2heD1BX/UO0FVbQDYVpjYlo1sJhKmtMpHlzEns7qA==";
    public const string R3Plain = """{"msgid":"CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=","aibotid":"AIBOTID","chatid":"CHATID","chattype":"group","from":{"userid":"USERID"},"response_url":"RESPONSEURL","msgtype":"text","text":{"content":"@RobotA hello robot"}}""";
}
