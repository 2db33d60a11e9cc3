using Microsoft.Extensions.Options;
using Quartz;

namespace ChatPost.Bot.Scheduling;

/// <summary>
/// Quartz's hosted service, with its wait for running jobs on the way out bounded by
/// <see cref="SchedulerOptions.ShutdownWait"/>. Left alone it waits as long as the host lets it: a job whose end cannot
/// be recorded (the clustered store's PostgreSQL is down) then holds the whole shutdown timeout, and the services that
/// stop after it (the web server finishing its turns) get none of it.
/// </summary>
public sealed class SchedulerShutdown(QuartzHostedService quartz, IOptions<SchedulerOptions> options) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => quartz.StartingAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => quartz.StartAsync(cancellationToken);

    public Task StartedAsync(CancellationToken cancellationToken) => quartz.StartedAsync(cancellationToken);

    public Task StoppingAsync(CancellationToken cancellationToken) => quartz.StoppingAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Past the wait Quartz gives up on the running jobs; a clustered store hands their triggers to another replica.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(options.Value.ShutdownWait);
        var stopping = quartz.StopAsync(bounded.Token);
        // With its store down Quartz may go on retrying past the token; the host does not wait for that.
        await Task.WhenAny(stopping, Task.Delay(options.Value.ShutdownWait + Grace, CancellationToken.None));
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => quartz.StoppedAsync(cancellationToken);

    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);
}
