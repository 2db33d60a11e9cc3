namespace ChatPost.Bench.Callback.Generator;

/// <summary>Who sends each push, in the order they arrive, and whether it is the sender's first push of the stream.</summary>
internal abstract class UserMix
{
    private readonly HashSet<int> _seen = [];

    /// <summary>The OpenID index of the next push, and whether it is that user's first push of the stream.</summary>
    public (int User, bool First) Next(Random random)
    {
        var user = NextUser(random);
        return (user, _seen.Add(user));
    }

    /// <summary>A user no push of the stream came from (the first-contact probe).</summary>
    public abstract int Unseen { get; }

    /// <summary>How many of the stream's users sent how many pushes, for mix.json.</summary>
    public abstract IReadOnlyDictionary<int, int> UsersByPushes();

    protected abstract int NextUser(Random random);

    /// <summary>
    /// A campaign's traffic, as a Yule–Simon process: each push comes from a new user with probability
    /// <paramref name="newShare"/>, otherwise from the sender of a uniformly chosen earlier push (so a user comes back in
    /// proportion to how often they already wrote). Stationary: every stretch of the stream has the same first-contact share.
    /// With 0.6, 71 % of users send one message, 16 % two, 13 % three or more, a few hundreds (the tail falls as k^−3.5);
    /// 1 makes every push a first contact. A user comes back no sooner than <see cref="Gap"/> pushes later, so the bench's
    /// 32 connections never carry two turns of one user at once (the first <see cref="Gap"/> pushes are all new users).
    /// Users are numbered from <paramref name="firstUser"/>: streams with different ones never share a user.
    /// </summary>
    public sealed class Campaign(double newShare, int firstUser) : UserMix
    {
        public const int Gap = 1_000;

        private readonly List<int> _senders = [];
        private readonly List<int> _pushesByUser = [];

        public override int Unseen => firstUser + _pushesByUser.Count;

        protected override int NextUser(Random random)
        {
            var user = _senders.Count <= Gap || random.NextDouble() < newShare
                ? NewUser()
                : _senders[random.Next(_senders.Count - Gap)];
            _senders.Add(user);
            _pushesByUser[user - firstUser]++;
            return user;
        }

        private int NewUser()
        {
            _pushesByUser.Add(0);
            return firstUser + _pushesByUser.Count - 1;
        }

        public override IReadOnlyDictionary<int, int> UsersByPushes() =>
            _pushesByUser.CountBy(pushes => pushes).ToDictionary(group => group.Key, group => group.Value);
    }

    /// <summary>The earlier shape: every push from one of <paramref name="users"/> OpenIDs drawn uniformly (700,000 pushes over 50,000 users: 14 each).</summary>
    public sealed class Uniform(int users) : UserMix
    {
        private readonly Dictionary<int, int> _pushesByUser = [];

        public override int Unseen => users;

        protected override int NextUser(Random random)
        {
            var user = random.Next(users);
            _pushesByUser[user] = _pushesByUser.GetValueOrDefault(user) + 1;
            return user;
        }

        public override IReadOnlyDictionary<int, int> UsersByPushes() =>
            _pushesByUser.Values.CountBy(pushes => pushes).ToDictionary(group => group.Key, group => group.Value);
    }
}
