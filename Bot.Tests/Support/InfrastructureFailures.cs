namespace ChatPost.Bot.Tests.Support;

/// <summary>
/// Tests that stop or fail over Redis and time how the service recovers: they run one after another, so that one's
/// five processes and bursts of load do not slow another's recovery past its bound on two cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InfrastructureFailures
{
    public const string Name = "Infrastructure failures";
}
