using Microsoft.Extensions.Options;

namespace ChatPost.Bot.Scheduling;

/// <summary>Where Quartz keeps its schedule. Section <c>Scheduler</c>.</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>
    /// False (the default): an in-memory job store, for one process. True: the clustered ADO job store on
    /// PostgreSQL, shared by every replica, so each trigger fires on exactly one of them.
    /// </summary>
    public bool Clustered { get; set; }

    /// <summary>The PostgreSQL connection string (Npgsql) of the clustered store. Secret when it carries a password.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// How long a stopping replica waits for its running jobs before it stops the scheduler anyway: a share of the host's
    /// 15-second shutdown, so that a job whose end cannot be recorded (PostgreSQL down) does not take all of it. A
    /// clustered store gives such a job's trigger to another replica. Default 5 seconds; 0 to 14 seconds.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00", "00:00:14")]
    public TimeSpan ShutdownWait { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Clustered mode needs its database.</summary>
public sealed class SchedulerOptionsValidator : IValidateOptions<SchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Clustered && string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail("Scheduler:ConnectionString is required when Scheduler:Clustered is true.")
            : ValidateOptionsResult.Success;
    }
}
