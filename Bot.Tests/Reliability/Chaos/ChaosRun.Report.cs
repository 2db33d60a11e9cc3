using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ChatPost.Bot.Channels.WeCom.AiRobot;
using ChatPost.Bot.Dialogs.Features.Greeting;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Tests.Support;

namespace ChatPost.Bot.Tests.Reliability.Chaos;

internal sealed partial class ChaosRun
{
    // How long after a SIGKILL or a failover its documented effects may still show: a claim a killed replica left pending
    // frees itself after 30 s (TurnGateTimes.Claim), and WeChat's retries of a push span 15 s.
    private static readonly TimeSpan Aftermath = TimeSpan.FromSeconds(35);

    private Dictionary<string, (DateTimeOffset Finished, int Status, IReadOnlyList<(int Port, string Status)> Upstreams)>? _upstreams;
    private List<(string Replica, string Line)>? _logs;

    private async Task<ChaosReport> ReportAsync(Dictionary<string, JsonObject?> reports)
    {
        var report = new ChaosReport();
        report.Line($"replicas' logs: {cluster.LogFolder}");
        report.Line($"seed: {seed} (replay: bench/Chaos/run.sh --minutes {duration.TotalMinutes.ToString(CultureInfo.InvariantCulture)} --seed {seed})");
        report.Line($"faults: {_faults.Count}" + string.Concat(_faults.Select(f => $"\n    {f.From:HH:mm:ss} {f.What}")));
        report.Check("no request answered 500" + string.Concat(_serverErrors.Select(e => $" ({e.Key}: {e.Value})")), _serverErrors.Values.Sum(), 0);
        CheckPushes(report);
        CheckRobotQuestions(report);
        CheckBroadcasts(report, reports);
        CheckAnnouncements(report);

        var missing = await MissingIngestedAsync();
        report.Line($"ingested records answered 200: {_ingested.DistinctBy(record => record.Number).Count()}"
            + string.Concat(missing.GroupBy(record => record.Answered).Select(batch => $"\n    missing: {batch.Count()} answered at {batch.Key:HH:mm:ss.fff}")));
        report.Check("no ingested record is missing", missing.Count, 0);

        ReportMemory(report);
        return report;
    }

    // The latest fault whose window (from a second before it to Aftermath after it ended) the span overlaps, if any.
    private Fault? FaultOf(DateTimeOffset sent, DateTimeOffset done) =>
        _faults.LastOrDefault(fault => fault.Excused && done > fault.From.AddSeconds(-1) && sent < fault.To + Aftermath);

    private bool InWindow(DateTimeOffset sent, DateTimeOffset done) => FaultOf(sent, done) is not null;

    // Every push's user is new and asks once, so every customer-service message to that user answers that push.
    private void CheckPushes(ChaosReport report)
    {
        var late = cluster.Api.TakeArrivedCustomMessages().GroupBy(message => (string)message["touser"]!)
            .ToDictionary(group => group.Key, group => group.Select(message => (string?)message["text"]?["content"] ?? "").ToList(), StringComparer.Ordinal);
        var outcomes = _pushes.Select(push =>
        {
            var lateAnswers = late.GetValueOrDefault(push.User, []);
            var answers = lateAnswers.Concat(push.Passive is null ? [] : [push.Passive]).ToList();
            // A new user's 你好 is answered with the menu; a second run of the same turn would find them known.
            var twice = push.Question == "你好" && answers.Contains(GreetingReplies.Hello);
            return (push.Status, Answers: answers.Count, Twice: twice, InWindow: InWindow(push.Sent, push.Done), Push: push, Late: lateAnswers);
        }).ToList();

        report.Line($"pushes: {outcomes.Count}; a 200 within WeChat's three tries: {outcomes.Count(o => o.Status == HttpStatusCode.OK)}; "
            + $"answered passively {_pushes.Count(p => p.Passive is not null)}, late through the customer-service API {late.Values.Sum(l => l.Count)}");
        Check(report, "every push got a 200 on one of WeChat's three tries", outcomes, o => o.Status != HttpStatusCode.OK, o => o.InWindow);
        Check(report, "every push got exactly one answer (passive or late)", outcomes, o => o.Answers != 1, o => o.InWindow);
        Check(report, "no turn ran twice (a new user's 你好 answered as a known user's)", outcomes, o => o.Twice, o => o.InWindow);
        foreach (var o in outcomes.Where(o => o.Status != HttpStatusCode.OK || o.Answers != 1 || o.Twice).Take(TracedAtMost))
        {
            var push = o.Push;
            report.Line($"    push {push.MsgId} \"{push.Question}\" of {push.User}{Window(push.Sent, push.Done)}: {o.Answers} answers"
                + (push.Passive is null ? "" : $"; passive \"{Short(push.Passive)}\"") + string.Concat(o.Late.Select(text => $"; late \"{Short(text)}\"")));
            Trace(report, push.Tries, [push.MsgId.ToString(CultureInfo.InvariantCulture)]);
        }
    }

    // A question's answer is its stream's last content, or, once the stream closed with "结果稍后发送", one post to its
    // response_url.
    private void CheckRobotQuestions(ChaosReport report)
    {
        var posts = cluster.Robot.ResponsePosts.GroupBy(post => ResponseCode(post.Url)).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var outcomes = _questions.Select(question =>
        {
            // 结果稍后发送 promises an answer to come; "这条消息已经处理完毕或已过期" (a stream Redis lost) is none either.
            var streamed = question.Finished && question.Final is not AiRobotReplies.ResultLater and not AiRobotReplies.UnknownStream ? 1 : 0;
            return (question.Finished, Answers: streamed + posts.GetValueOrDefault(question.ResponseCode), InWindow: InWindow(question.Sent, question.Done),
                Question: question, Posts: posts.GetValueOrDefault(question.ResponseCode));
        }).ToList();

        report.Line($"智能机器人 questions: {outcomes.Count}; streams finished {outcomes.Count(o => o.Finished)}, of them closed with 结果稍后发送 "
            + $"{_questions.Count(q => q.Final == AiRobotReplies.ResultLater)}; answers posted to response_urls {posts.Values.Sum()}");
        Check(report, "every 智能机器人 question got a stream on one of WeCom's three tries, and it finished", outcomes, o => !o.Finished, o => o.InWindow);
        Check(report, "every 智能机器人 question got exactly one answer (its stream's, or one response_url post)", outcomes, o => o.Answers != 1, o => o.InWindow);
        foreach (var o in outcomes.Where(o => !o.Finished || o.Answers != 1).Take(TracedAtMost))
        {
            var question = o.Question;
            report.Line($"    智能机器人 {question.MsgId} of {question.Clerk}, stream {question.StreamId ?? "none"}{Window(question.Sent, question.Done)}: "
                + $"{o.Answers} answers; stream {(question.Finished ? "finished" : "unfinished")} \"{Short(question.Final ?? "")}\", response_url posts {o.Posts}");
            Trace(report, question.Tries, [question.MsgId]);
        }
    }

    private void CheckBroadcasts(ChaosReport report, Dictionary<string, JsonObject?> reports)
    {
        var (missing, unflagged, flagged) = (0, 0, 0);
        foreach (var (id, text) in _broadcasts)
        {
            var groups = reports.GetValueOrDefault(id)?["groups"]?.AsArray() ?? [];
            for (var i = 0; i < ChaosCluster.Groups; i++)
            {
                var copies = cluster.Webhook.MessagesFor(StaffSetup.Key(i)).Count(m => m.Content == text);
                var mayHaveDuplicate = groups.Any(g => (string?)g!["id"] == $"g{i}" && (bool?)g["mayHaveDuplicate"] == true);
                missing += copies == 0 ? 1 : 0;
                unflagged += copies > 1 && !mayHaveDuplicate ? 1 : 0;
                flagged += copies > 1 && mayHaveDuplicate ? 1 : 0;
            }
        }

        var unfinished = reports.Values.Where(r => (string?)r?["state"] != "completed").ToList();
        report.Line($"broadcasts accepted (202): {_broadcasts.Count}, completed: {reports.Count - unfinished.Count}; second copies flagged mayHaveDuplicate: {flagged}"
            + string.Concat(unfinished.Select(r => $"\n    not completed: {r?.ToJsonString()}")));
        report.Check("every accepted broadcast reached every group", missing, 0);
        report.Check("no group got a broadcast twice unless its report flags it", unflagged, 0);
        report.Check("every accepted broadcast's report completed", unfinished.Count, 0);
    }

    // The announcement fires every 10 s on every replica; each group must get it once for each day (Asia/Shanghai).
    private void CheckAnnouncements(ChaosReport report)
    {
        var perGroupAndDay = Enumerable.Range(0, ChaosCluster.Groups)
            .Select(i => cluster.Webhook.MessagesFor(StaffSetup.Key(i)).Where(m => m.Content?.StartsWith(BroadcastText, StringComparison.Ordinal) != true)
                .GroupBy(m => ChinaTime.Day(m.ArrivedAt)).Select(day => day.Count()).DefaultIfEmpty(0).ToList())
            .ToList();
        report.Line($"announcements per group and day (fired every 10 s): {string.Join(", ", perGroupAndDay.Select(days => string.Join('+', days)))}");
        report.Check("each group got each day's announcement exactly once", perGroupAndDay.Sum(days => days.Count(count => count != 1)), 0);
    }

    private const int TracedAtMost = 10;

    private string Window(DateTimeOffset sent, DateTimeOffset done) =>
        FaultOf(sent, done) is { } fault ? $", in the window of {fault.From:HH:mm:ss} {fault.What}" : ", outside fault windows";

    // Each try: when, what came back, and through which replicas nginx passed it (with their statuses), tries in a row
    // that got the same answer on one line; then the replicas' log lines that name the message.
    private void Trace(ChaosReport report, List<Try> tries, string[] names)
    {
        var upstreams = _upstreams ??= cluster.Nginx.Upstreams();
        string Via(Try tried) => upstreams.TryGetValue(tried.Tag, out var passed)
            ? string.Join(", ", passed.Upstreams.Select(u => $"{cluster.ReplicaAt(u.Port, tried.At)} {u.Status}")) + $" (nginx {passed.Status})"
            : "not in nginx's log";
        for (var i = 0; i < tries.Count;)
        {
            var (first, same) = (tries[i], tries.Skip(i).TakeWhile(t => t.Outcome == tries[i].Outcome).Count());
            var more = same == 1 ? "" : $"; and {same - 1} more to {tries[i + same - 1].Tag} via "
                + string.Join(' ', tries.Skip(i + 1).Take(same - 1).GroupBy(Via).Select(g => $"{g.Key}×{g.Count()}"));
            report.Line(string.Create(CultureInfo.InvariantCulture,
                $"      {first.At:HH:mm:ss.fff} {first.Tag}: {Short(first.Outcome)} after {first.Took.TotalSeconds:0.0} s via {Via(first)}{more}"));
            i += same;
        }

        _logs ??= [.. cluster.Logs().SelectMany(log => log.Lines.Select(line => (log.Replica, line)))];
        foreach (var (replica, line) in _logs.Where(log => names.Any(name => log.Line.Contains(name, StringComparison.Ordinal))))
        {
            report.Line($"      {replica} {LogLine(line)}");
        }
    }

    // A replica's JSON log line as time, level and message.
    private static string LogLine(string line)
    {
        try
        {
            var json = JsonNode.Parse(line)!.AsObject();
            return $"{(string?)json["Timestamp"]} {(string?)json["LogLevel"]} {(string?)json["Message"]}";
        }
        catch (System.Text.Json.JsonException)
        {
            return line;
        }
    }

    private static string Short(string text) => (text.Length > 40 ? text[..40] + "…" : text).ReplaceLineEndings(" ");

    private static void Check<T>(ChaosReport report, string invariant, List<T> outcomes, Func<T, bool> violates, Func<T, bool> inWindow) =>
        report.Check(invariant, outcomes.Count(o => violates(o) && !inWindow(o)), outcomes.Count(o => violates(o) && inWindow(o)));
}
