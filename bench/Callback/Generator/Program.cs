using System.Globalization;
using ChatPost.Bench.Callback.Generator;

// prepare: the ingestion batch and the push files of one run.sh invocation. check: opens saved answers.
// Usage: prepare --out DIR --app-id A --token T --aes-key K [--requests N] [--warmup N] [--samples N] [--users N]
//                [--shipments N] [--mode safe|plaintext|robot] [--text "{0}到哪了"]
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
var kind = new PushKind(safe, options.GetValueOrDefault("text", "{0}到哪了"), Number("users", 50_000), shipments, Robot: mode == "robot");
var writer = new PushWriter(account, kind);
const long FirstMsgId = 6_054_768_590_064_713_728;

ShipmentBatch.Write(Path.Combine(folder, "shipments.json"), shipments);
// Disjoint MsgId ranges: warming up must not pre-answer a measured push, nor a sample or the probe (MONITOR) one.
writer.Write(Path.Combine(folder, "warmup.txt"), FirstMsgId, Number("warmup", 60_000), seed: 1);
writer.Write(Path.Combine(folder, "requests.txt"), FirstMsgId + 100_000_000, Number("requests", 400_000), seed: 2);
writer.Write(Path.Combine(folder, "samples.txt"), FirstMsgId + 200_000_000, Number("samples", 20), seed: 3);
writer.Write(Path.Combine(folder, "probe.txt"), FirstMsgId + 300_000_000, 1, seed: 4);
Console.WriteLine($"prepared {shipments * 3} shipment events and {kind.Users} users' pushes in {folder}");
return 0;
