namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// Tests that stop or fail over Redis and time how the service recovers. They run one after another, and only once
/// every other test has finished: what they time is the service riding out the failure, which on two cores the rest of
/// the suite's load (a thousand other tests sharing the process's thread pool) would otherwise swamp — CI once saw a
/// failover's answers held up past five seconds by it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InfrastructureFailures
{
    public const string Name = "Infrastructure failures";
}
