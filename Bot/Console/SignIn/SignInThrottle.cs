using System.Threading.RateLimiting;
using ChatPost.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Console.SignIn;

/// <summary>
/// Counts failed console sign-ins per client address in one-minute windows (per replica, like the APIs' limits):
/// past <see cref="RateLimitOptions.ConsoleSignInFailuresPerMinute"/>, every sign-in from that address is refused
/// until the window ends, the right key included, so a key cannot be guessed at speed.
/// </summary>
public sealed class SignInThrottle(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.ConsoleSignInFailuresPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>True while <paramref name="address"/> has used up its failures of this window.</summary>
    public bool IsBlocked(string address) => _failures.GetStatistics(address)?.CurrentAvailablePermits is 0;

    /// <summary>Counts one failure of <paramref name="address"/>.</summary>
    public void Failed(string address) => _failures.AttemptAcquire(address).Dispose();

    public void Dispose() => _failures.Dispose();
}
