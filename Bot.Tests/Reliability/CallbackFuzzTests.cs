using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChatPost.Bot.Tests.Support;
using ChatPost.Bot.WeChat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatPost.Bot.Tests.Reliability;

/// <summary>
/// Random mutations of valid requests to every endpoint that takes input: never a 5xx, never a turn that fails.
/// 10,000 cases in the suite; for a long run: <c>CHATPOST_FUZZ_CASES=1000000 ./test.sh --filter FullyQualifiedName~Fuzz</c>
/// (and <c>CHATPOST_FUZZ_SEED</c> to vary the cases).
/// </summary>
public class CallbackFuzzTests
{
    private const string CorpId = "wwfuzzcorp";
    private const string IngestKey = "ingest-key-for-fuzzing-0123";

    [Fact]
    public async Task Fuzz_MutatedRequestsToEveryEndpoint_NeverAServerErrorOrAFailedTurn()
    {
        var cases = int.Parse(Environment.GetEnvironmentVariable("CHATPOST_FUZZ_CASES") ?? "10000", CultureInfo.InvariantCulture);
        var seed = int.Parse(Environment.GetEnvironmentVariable("CHATPOST_FUZZ_SEED") ?? "20200304", CultureInfo.InvariantCulture);
        using var failures = new LogSignal(1020);
        var settings = new Dictionary<string, string?>
        {
            ["Ingest:ApiKey"] = IngestKey,
            ["Admin:ApiKey"] = StaffSetup.AdminKey,
            ["WeChat:MaxTimestampSkewSeconds"] = "0",
            ["WeCom:CorpId"] = CorpId,
            ["WeCom:AgentId"] = "1",
            ["WeCom:Token"] = ChatPostFactory.Token,
            ["WeCom:EncodingAESKey"] = ChatPostFactory.EncodingAesKey,
            ["RateLimits:IngestPerMinute"] = "100000",
            ["RateLimits:AdminPerMinute"] = "100000",
            ["Groups:0:Id"] = "g0",
            ["Groups:0:Name"] = "群",
            ["Groups:0:WebhookKey"] = "key",
            ["WeCom:WebhookBaseUrl"] = "http://127.0.0.1:9/cgi-bin/webhook/send",
            ["WeCom:Robot:Token"] = FakeAiRobotPlatform.Token,
            ["WeCom:Robot:EncodingAESKey"] = FakeAiRobotPlatform.EncodingAesKey,
            ["WeCom:Robot:BotId"] = FakeAiRobotPlatform.BotId,
            ["WeCom:Robot:Name"] = FakeAiRobotPlatform.Name,
        };
        await using var factory = new ChatPostFactory(null, settings: settings, services: services => services.AddSingleton<ILoggerProvider>(failures));
        var client = factory.CreateClient();
        var random = new Random(seed);
        var mutator = new Mutator(random);
        var serverErrors = new List<string>();
        var statuses = new Dictionary<int, int>();

        for (var i = 0; i < cases; i++)
        {
            var (name, request) = mutator.Mutate(Valid(random, i));
            var response = await client.SendAsync(request);
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            if ((int)response.StatusCode >= 500)
            {
                serverErrors.Add($"case {i} ({name}): {(int)response.StatusCode} {request.Method} {request.RequestUri}");
            }
        }

        Assert.True(serverErrors.Count == 0, string.Join('\n', serverErrors.Take(20)));
        // The valid share of the cases must get through, or the mutations only ever met the first check.
        Assert.True(statuses.GetValueOrDefault(200) + statuses.GetValueOrDefault(202) > cases / 10,
            "too few accepted: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.Empty(failures.Seen(1020));
    }

    private static (string Kind, HttpMethod Method, string Url, byte[] Body, string? Authorization) Valid(Random random, int index)
    {
        var timestamp = "1700000000";
        var nonce = random.Next(1, 999_999).ToString(CultureInfo.InvariantCulture);
        var xml = WeChatPush.TextXml($"oFuzz{random.Next(50)}", Pick(random, "你好", "EA123456785CN到哪了", "发票寄到哪了", "FP20200217000123", "算了", "转人工", "寄发票收邮费吗",
            "邮局几点开门，发票免费邮寄到什么时候", "我要寄快递", "我叫张伟 13800001234 股票什么时候涨"),
            10_000_000 + index, 1_700_000_000);
        var crypto = new WeChatMessageCrypto(ChatPostFactory.EncodingAesKey, ChatPostFactory.AppId);
        switch (random.Next(10))
        {
            case 0:
                var signature = WeChatSignature.Compute(ChatPostFactory.Token, timestamp, nonce);
                return ("mp-plaintext", HttpMethod.Post, $"/wechat/mp?signature={signature}&timestamp={timestamp}&nonce={nonce}", Utf8(xml), null);
            case 1:
                var encrypt = crypto.Encrypt(xml);
                var plain = WeChatSignature.Compute(ChatPostFactory.Token, timestamp, nonce);
                var msg = WeChatSignature.Compute(ChatPostFactory.Token, timestamp, nonce, encrypt);
                return ("mp-safe", HttpMethod.Post, $"/wechat/mp?signature={plain}&timestamp={timestamp}&nonce={nonce}&encrypt_type=aes&msg_signature={msg}",
                    Utf8($"<xml><ToUserName><![CDATA[gh_x]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"), null);
            case 2:
                var wecom = new WeChatMessageCrypto(ChatPostFactory.EncodingAesKey, CorpId).Encrypt(xml.Replace("gh_chatpost", CorpId, StringComparison.Ordinal));
                var workSignature = WeChatSignature.Compute(ChatPostFactory.Token, timestamp, nonce, wecom);
                return ("work", HttpMethod.Post, $"/wechat/work?msg_signature={workSignature}&timestamp={timestamp}&nonce={nonce}",
                    Utf8($"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><Encrypt><![CDATA[{wecom}]]></Encrypt><AgentID>1</AgentID></xml>"), null);
            case 3:
                return ("ingest", HttpMethod.Post, "/api/ingest/shipments", Utf8("""
                    [{ "trackingNo": "EA123456785CN", "business": "license", "city": "襄阳", "status": "delivered",
                       "time": "2020-03-04T10:15:00+08:00", "location": "襄州区交通路投递站", "description": "已签收",
                       "receiverPhone": "13800001234", "applicationNo": null }]
                    """), "Bearer " + IngestKey);
            case 5:
                // The console's forms: without a session and an antiforgery token they must be refused, never crash.
                return ("console-form", HttpMethod.Post, Pick(random, "/console/signin/key", "/console/signout", "/console/broadcasts/new", "/console/broadcasts/preview",
                    "/console/import", "/console/try?bot=staff", "/console/knowledge/entry?id=contacts", "/console/knowledge/entry",
                    "/console/knowledge/explain"),
                    Utf8($"key={Pick(random, "wrong", StaffSetup.AdminKey)}&returnUrl=%2Fconsole&content=%E9%80%9A%E7%9F%A5&format=markdown&step=review"
                        + "&_handler=sandbox&conversation=0123456789abcdef&message=-1&line=u%E4%BD%A0&text=%E8%BF%9B%E5%BA%A6"), null);
            case 6:
                return ("console-get", HttpMethod.Get, Pick(random, "/console", "/console/signin?error=key&returnUrl=%2Fconsole%2Faudit",
                    "/console/charts/trend.svg?days=30&business=license", "/console/signin/wecom/callback?code=abc&state=def", "/console/broadcasts/b1",
                    "/openapi/v1.json", "/docs/",
                    "/console/audit?actor=boss&action=accepted&from=2020-03-01&to=2020-03-04&after=1-0", "/console/import/templates/shipments.xlsx",
                    "/console/try?bot=staff", "/console/knowledge?q=%E9%82%AE%E8%B4%B9", "/console/knowledge/entry?id=contacts&add=%23%E5%88%B0%E5%93%AA%E4%BA%86",
                    "/console/knowledge/entry?id=..%2F..&saved=-1", "/console/knowledge/entry?question=" + new string('x', 3000),
                    "/console/knowledge/unanswered?days=99999", "/console/knowledge/unanswered?days=-1", "/console/knowledge/explain"), [], null);
            case 4:
                return ("broadcast", HttpMethod.Post, "/api/broadcasts", Utf8("""{ "text": "通知", "cities": ["襄阳"], "idempotencyKey": "k" }"""),
                    "Bearer " + StaffSetup.AdminKey);
            case 7 when random.Next(3) == 0:
                return ("faq-explain", HttpMethod.Post, "/api/faq/explain", Utf8("""{ "question": "邮局几点开门？发票免费邮寄到什么时候" }"""),
                    "Bearer " + StaffSetup.AdminKey);
            case 7:
                return ("faq", HttpMethod.Put, "/api/faq/contacts", Utf8("""
                    { "questions": ["客服电话多少", "怎么联系你们"], "answer": "邮政客服热线 11183。", "business": "other", "intent": "Other",
                      "keywords": ["电话"], "enabled": true }
                    """), "Bearer " + StaffSetup.AdminKey);
            case 8 when random.Next(3) == 0:
                return ("faq-unanswered", HttpMethod.Get, Pick(random, "/api/faq/unanswered", "/api/faq/unanswered?days=7&limit=20"), [], "Bearer " + StaffSetup.AdminKey);
            case 8:
                return ("faq-import", HttpMethod.Post, "/api/faq/import", Utf8("""
                    { "entries": [{ "id": "fuzz-entry", "questions": ["邮局周日开门吗"], "answer": "8:30 开门。" }], "replace": false }
                    """), "Bearer " + StaffSetup.AdminKey);
            default:
                return Robot(random, index, timestamp, nonce);
        }
    }

    /// <summary>A 智能机器人 callback: a message, a refresh of its stream, or an event, correctly signed and encrypted.</summary>
    private static (string Kind, HttpMethod Method, string Url, byte[] Body, string? Authorization) Robot(Random random, int index, string timestamp, string nonce)
    {
        var user = $"fuzz{random.Next(50)}";
        var msgId = $"fuzz-msg-{index}";
        var plaintext = new System.Text.Json.Nodes.JsonObject
        {
            ["msgid"] = msgId,
            ["aibotid"] = FakeAiRobotPlatform.BotId,
            ["chatid"] = $"wrFuzz{random.Next(5)}",
            ["chattype"] = "group",
            ["from"] = new System.Text.Json.Nodes.JsonObject { ["userid"] = user },
            ["response_url"] = "http://127.0.0.1:9/cgi-bin/aibot/response",
        };
        switch (random.Next(3))
        {
            case 0:
                plaintext["msgtype"] = "text";
                plaintext["text"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["content"] = "@" + FakeAiRobotPlatform.Name + " " + Pick(random, "进度", "进度 襄阳", "EA123456785CN到哪了", "全省排名", "确认", "你好"),
                };
                break;
            case 1:
                plaintext["msgtype"] = "stream";
                plaintext["stream"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["id"] = ChatPost.Bot.Channels.WeCom.AiRobot.AiRobotStreamId.For(user, $"fuzz-msg-{random.Next(index + 1)}").StreamId,
                };
                break;
            default:
                plaintext["msgtype"] = "event";
                plaintext["event"] = new System.Text.Json.Nodes.JsonObject { ["eventtype"] = Pick(random, "enter_chat", "feedback_event", "template_card_event") };
                break;
        }

        var encrypt = new WeChatMessageCrypto(FakeAiRobotPlatform.EncodingAesKey, "").Encrypt(plaintext.ToJsonString());
        var signature = WeChatSignature.Compute(FakeAiRobotPlatform.Token, timestamp, nonce, encrypt);
        return ("robot", HttpMethod.Post, $"/wechat/work/robot?msg_signature={signature}&timestamp={timestamp}&nonce={nonce}",
            Utf8(new System.Text.Json.Nodes.JsonObject { ["encrypt"] = encrypt }.ToJsonString()), null);
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Breaks a valid request in one of the ways an attacker or a broken proxy would.</summary>
    private sealed class Mutator(Random random)
    {
        private static readonly string[] Payloads =
        [
            "<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", "<![CDATA[", "]]>", "\0", "\uFFFF", "<xml>", "</xml>",
            "{", "}", "[", "]", "\"", "null", "1e999", "-1", "💥", "\\u0000", "%00", "<a><a><a><a><a><a><a><a><a><a>",
        ];

        public (string Name, HttpRequestMessage Request) Mutate((string Kind, HttpMethod Method, string Url, byte[] Body, string? Authorization) valid)
        {
            var (kind, method, url, body, authorization) = valid;
            var how = random.Next(12);
            switch (how)
            {
                case 0: body = FlipBytes(body); break;
                case 1: body = body[..random.Next(body.Length + 1)]; break;
                case 2: body = Insert(body, Utf8(Payloads[random.Next(Payloads.Length)])); break;
                case 3: body = Insert(body, RandomBytes(random.Next(1, 64))); break;
                case 4: body = RandomBytes(random.Next(0, 2048)); break;
                case 5: url = FlipUrl(url); break;
                case 6: url = url.Split('?')[0] + "?" + string.Join('&', url.Split('?').Skip(1).SelectMany(q => q.Split('&')).Where(_ => random.Next(2) == 0)); break;
                case 7: authorization = random.Next(2) == 0 ? null : "Bearer wrong-key-" + random.Next(); break;
                case 8: body = [.. body, .. Enumerable.Repeat((byte)'x', 70_000 + random.Next(10_000))]; break;
                case 9: method = random.Next(2) == 0 ? HttpMethod.Get : HttpMethod.Put; break;
                case 10: body = Utf8(Encoding.UTF8.GetString(body).Replace("\"", random.Next(2) == 0 ? "'" : "\"\"", StringComparison.Ordinal)); break;
                default: break; // the valid request itself
            }

            var request = new HttpRequestMessage(method, url);
            if (method != HttpMethod.Get)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(kind switch
                {
                    "work" or "mp-plaintext" or "mp-safe" => "text/xml",
                    "console-form" => "application/x-www-form-urlencoded",
                    _ => "application/json",
                });
            }

            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            return ($"{kind}/{how}", request);
        }

        private byte[] FlipBytes(byte[] body)
        {
            var copy = (byte[])body.Clone();
            for (var i = 0; i < 1 + random.Next(4) && copy.Length > 0; i++)
            {
                copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
            }

            return copy;
        }

        private byte[] Insert(byte[] body, byte[] insertion)
        {
            var at = random.Next(body.Length + 1);
            return [.. body[..at], .. insertion, .. body[at..]];
        }

        private byte[] RandomBytes(int count)
        {
            var bytes = new byte[count];
            random.NextBytes(bytes);
            return bytes;
        }

        private string FlipUrl(string url)
        {
            var chars = url.ToCharArray();
            var at = random.Next(url.IndexOf('?', StringComparison.Ordinal) + 1, chars.Length);
            chars[at] = (char)random.Next(33, 127);
            return new string(chars);
        }
    }
}
