using System.Globalization;
using System.Text.Json;
using ChatPost.Bench.Callback.Generator;

// prepare: the ingestion batch and the push files of one run.sh invocation. check: opens saved answers.
// Usage: prepare --out DIR --app-id A --token T --aes-key K [--requests N] [--warmup N] [--samples N]
//                [--mix campaign|uniform] [--new-share 0.6] [--users N (uniform)]
//                [--shipments N] [--mode safe|plaintext|robot] [--text "{0}到哪了"]
// campaign: a Yule–Simon stream of users (UserMix.Campaign); uniform: --users OpenIDs drawn uniformly (the earlier shape).
//        check --app-id A --token T --aes-key K --expect PREFIX [--mode safe|plaintext|robot] FILE...
// robot: 智能机器人 callbacks to /wechat/work/robot signed with the same token and key (receive id "").
var (command, options, files) = Arguments.Parse(args);
var account = new BenchAccount(options["app-id"], options["token"], options["aes-key"]);
var mode = options.GetValueOrDefault("mode", "safe");
var safe = mode is "safe" or "robot";
if (command == "check")
{
    return new ReplyCheck(account, robot: mode == "robot").Run(files, options["expect"], safe) == 0 ? 0 : 1;
}

var folder = Directory.CreateDirectory(options["out"]).FullName;
int Number(string name, int fallback) => options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
var shipments = Number("shipments", 2_000);
var kind = new PushKind(safe, options.GetValueOrDefault("text", "{0}到哪了"), shipments, Robot: mode == "robot");
var writer = new PushWriter(account, kind);
var newShare = double.Parse(options.GetValueOrDefault("new-share", "0.6"), CultureInfo.InvariantCulture);
// A campaign's warm-up has users of its own: the service must not have seen the measured window's first contacts, and
// how much of the warm-up file wrk sends depends on the machine. The earlier shape shares its users, as it always did.
var (warmupMix, mix) = options.GetValueOrDefault("mix", "campaign") switch
{
    "campaign" => ((UserMix)new UserMix.Campaign(newShare, firstUser: 1_000_000_000), (UserMix)new UserMix.Campaign(newShare, firstUser: 0)),
    "uniform" => new UserMix.Uniform(Number("users", 50_000)) is var uniform ? (uniform, uniform) : default,
    var other => throw new ArgumentException($"--mix {other}: campaign or uniform"),
};
const long FirstMsgId = 6_054_768_590_064_713_728;

ShipmentBatch.Write(Path.Combine(folder, "shipments.json"), shipments);
// Disjoint MsgId ranges: warming up must not pre-answer a measured push, nor a sample or a probe (MONITOR) one.
writer.Write(Path.Combine(folder, "warmup.txt"), FirstMsgId, Number("warmup", 60_000), seed: 1, warmupMix.Next);
int? firstSender = null;
var measured = writer.Write(Path.Combine(folder, "requests.txt"), FirstMsgId + 100_000_000, Number("requests", 400_000), seed: 2, random =>
{
    var next = mix.Next(random);
    firstSender ??= next.User;
    return next;
});
writer.Write(Path.Combine(folder, "samples.txt"), FirstMsgId + 200_000_000, Number("samples", 20), seed: 3, mix.Next);
// The probes, for MONITOR after the measured window: a user never seen (first contact), then the measured window's first
// user (returning). Uniform's never-seen user is one past its range.
var probes = new Queue<(int, bool)>([(mix.Unseen, true), (firstSender!.Value, false)]);
writer.Write(Path.Combine(folder, "probe.txt"), FirstMsgId + 300_000_000, 2, seed: 4, _ => probes.Dequeue());
// What the measured file holds: first contacts counted every PushWriter.FirstContactStride pushes, so that run.sh can
// tell the share in the part a run sent; and how many users sent how many pushes over the whole stream.
File.WriteAllText(Path.Combine(folder, "mix.json"), JsonSerializer.Serialize(new
{
    stride = PushWriter.FirstContactStride,
    first_contacts = measured,
    users_by_pushes = mix.UsersByPushes().OrderBy(entry => entry.Key).ToDictionary(entry => entry.Key.ToString(CultureInfo.InvariantCulture), entry => entry.Value),
}));
Console.WriteLine($"prepared {shipments * 3} shipment events and the pushes in {folder}");
return 0;
