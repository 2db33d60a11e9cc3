using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatPost.Bot.Hosting;

/// <summary>
/// The service's own metrics (meter <c>ChatPost</c>), exported at <c>/metrics</c>. Tags are low-cardinality
/// (channel, outcome, errcode): never a user, a group or a message.
/// </summary>
public sealed class ChatPostMetrics
{
    public const string MeterName = "ChatPost";

    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _replies;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _tokenFetches;
    private readonly Counter<long> _webhookSends;
    private readonly Counter<long> _ingested;
    private readonly Counter<long> _watchesCreated;
    private readonly Counter<long> _watchesEnded;
    private readonly Counter<long> _notifications;
    private readonly Counter<long> _aiRobotCallbacks;
    private readonly Counter<long> _aiRobotRefreshes;
    private readonly Histogram<double> _aiRobotFinish;
    private readonly Counter<long> _aiRobotResponseUrlSends;
    private readonly Counter<long> _aiRobotFeedback;
    private long _broadcastBacklog;
    private long _lateReplyBacklog;
    private readonly ConcurrentDictionary<string, int> _ready = new(StringComparer.Ordinal);
    private AnnouncementGroups? _announcementGroups;

    public ChatPostMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _turnDuration = meter.CreateHistogram<double>("chatpost.turn.duration", "s", "Time from a callback's arrival to its answer",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 5] });
        _replies = meter.CreateCounter<long>("chatpost.replies", "{reply}", "Replies by how they reached the user: passive, late (through the API) or none");
        _duplicates = meter.CreateCounter<long>("chatpost.dedupe.hits", "{callback}", "Retried copies of a callback answered from the reply cache");
        _tokenFetches = meter.CreateCounter<long>("chatpost.token.fetches", "{fetch}", "access_token fetches by account kind and outcome");
        _webhookSends = meter.CreateCounter<long>("chatpost.webhook.sends", "{message}", "Group-robot sends by outcome and errcode");
        _ingested = meter.CreateCounter<long>("chatpost.ingest.records", "{record}", "Ingested records by kind and outcome");
        _watchesCreated = meter.CreateCounter<long>("chatpost.watches.created", "{watch}", "Watches citizens started, by item kind");
        _watchesEnded = meter.CreateCounter<long>("chatpost.watches.ended", "{watch}",
            "Watches that ended, by reason: arrived (delivered, returned, refused), moved (to an application's parcel), cancelled, expired, unfollowed");
        _notifications = meter.CreateCounter<long>("chatpost.notifications", "{notification}",
            "Notifications of watched items by channel (customer_service, template, deferred) and outcome");
        _aiRobotCallbacks = meter.CreateCounter<long>("chatpost.airobot.callbacks", "{callback}",
            "智能机器人 callbacks by type: text, mixed, voice, stream (a refresh), event:<eventtype>, other, foreign (another robot's)");
        _aiRobotRefreshes = meter.CreateCounter<long>("chatpost.airobot.stream.refreshes", "{refresh}",
            "智能机器人 stream refreshes by what they found: running, finished, closed, unknown, taken_over (a turn that died with its replica, run again)");
        _aiRobotFinish = meter.CreateHistogram<double>("chatpost.airobot.stream.finish", "s",
            "Time from a 智能机器人 message to its answer, by the way it went: first_reply, stream, response_url",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 0.8, 1, 2, 5, 10, 30, 60, 120, 300, 600] });
        _aiRobotResponseUrlSends = meter.CreateCounter<long>("chatpost.airobot.response_url.sends", "{message}",
            "Answers posted to a 智能机器人 response_url by outcome: sent, failed, refused (outside the allowed prefix)");
        _aiRobotFeedback = meter.CreateCounter<long>("chatpost.airobot.feedback", "{event}",
            "Ratings of 智能机器人 replies (feedback_event) by type: 1 accurate, 2 inaccurate, 3 withdrawn");
        meter.CreateObservableGauge("chatpost.broadcast.backlog", () => Volatile.Read(ref _broadcastBacklog), "{delivery}",
            "Broadcast deliveries waiting in the queue, as last seen by this replica");
        meter.CreateObservableGauge("chatpost.late_replies.backlog", () => Volatile.Read(ref _lateReplyBacklog), "{reply}",
            "Late replies waiting in the outbox for a channel's API, as last seen by this replica");
        meter.CreateObservableGauge("chatpost.ready", () => _ready.Select(check => new Measurement<int>(check.Value, new KeyValuePair<string, object?>("check", check.Key))),
            description: "Readiness checks (redis, scheduler) as last run: 1 ready, 0 not");
        meter.CreateObservableGauge("chatpost.announcement.groups", AnnouncementGroupMeasurements, "{group}",
            "Groups that receive an announcement (state receiving) and that got the one due today (state delivered), as last read from storage");
    }

    public void TurnAnswered(string channel, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "channel", channel }, { "outcome", outcome } };
        _turnDuration.Record(elapsed.TotalSeconds, tags);
        _replies.Add(1, tags);
    }

    public void LateReplySent(string channel, bool delivered) =>
        _replies.Add(1, new TagList { { "channel", channel }, { "outcome", delivered ? "late" : "late-failed" } });

    public void DuplicateServed(string channel) => _duplicates.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void TokenFetched(string accountKind, int errorCode) =>
        _tokenFetches.Add(1, new TagList { { "account", accountKind }, { "errcode", errorCode } });

    public void WebhookSent(bool sent, int? errorCode) =>
        _webhookSends.Add(1, new TagList { { "outcome", sent ? "sent" : "failed" }, { "errcode", errorCode ?? 0 } });

    public void Ingested(string kind, int accepted, int duplicates, int rejected)
    {
        _ingested.Add(accepted, new TagList { { "kind", kind }, { "outcome", "accepted" } });
        _ingested.Add(duplicates, new TagList { { "kind", kind }, { "outcome", "duplicate" } });
        _ingested.Add(rejected, new TagList { { "kind", kind }, { "outcome", "rejected" } });
    }

    public void WatchCreated(string kind) => _watchesCreated.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void WatchesEnded(string reason, int count)
    {
        if (count > 0)
        {
            _watchesEnded.Add(count, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    public void Notified(string channel, string outcome) =>
        _notifications.Add(1, new TagList { { "channel", channel }, { "outcome", outcome } });

    public void AiRobotCallback(string type) => _aiRobotCallbacks.Add(1, new KeyValuePair<string, object?>("type", type));

    public void AiRobotRefresh(string state) => _aiRobotRefreshes.Add(1, new KeyValuePair<string, object?>("state", state));

    public void AiRobotStreamFinished(string way, TimeSpan elapsed) => _aiRobotFinish.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("way", way));

    public void AiRobotResponseUrlSent(string outcome) => _aiRobotResponseUrlSends.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void AiRobotFeedback(int rating) => _aiRobotFeedback.Add(1, new KeyValuePair<string, object?>("type", rating));

    public void BroadcastBacklogSeen(long backlog) => Volatile.Write(ref _broadcastBacklog, backlog);

    public void LateReplyBacklogSeen(long backlog) => Volatile.Write(ref _lateReplyBacklog, backlog);

    public void ReadinessSeen(string check, bool ready) => _ready[check] = ready ? 1 : 0;

    /// <summary>What storage said of today's <paramref name="announcement"/>; nothing is exported before the first reading.</summary>
    public void AnnouncementGroupsSeen(string announcement, int receiving, int delivered) =>
        Volatile.Write(ref _announcementGroups, new AnnouncementGroups(announcement, receiving, delivered));

    private IEnumerable<Measurement<int>> AnnouncementGroupMeasurements()
    {
        if (Volatile.Read(ref _announcementGroups) is not { } seen)
        {
            return [];
        }

        var announcement = new KeyValuePair<string, object?>("announcement", seen.Announcement);
        return
        [
            new(seen.Receiving, announcement, new KeyValuePair<string, object?>("state", "receiving")),
            new(seen.Delivered, announcement, new KeyValuePair<string, object?>("state", "delivered")),
        ];
    }

    private sealed record AnnouncementGroups(string Announcement, int Receiving, int Delivered);
}
