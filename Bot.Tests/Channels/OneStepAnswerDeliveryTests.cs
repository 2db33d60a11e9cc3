using ChatPost.Bot.Dialogs;
using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Storage;
using ChatPost.Bot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace ChatPost.Bot.Tests.Channels;

/// <summary>
/// When the callback lets a bot answer in one step (<see cref="IOneStepAnswers"/>) instead of running its turn, on Redis:
/// only for a conversation with no stored state and no turn of the user running, without taking the user's turn lock, and
/// with the reply kept for retries as after a turn.
/// </summary>
public class OneStepAnswerDeliveryTests
{
    private const string Question = "EA123456785CN到哪了";

    private readonly Mock<IBot> _bot = new();
    private readonly Mock<IOneStepAnswers> _oneStep;

    public OneStepAnswerDeliveryTests()
    {
        _oneStep = _bot.As<IOneStepAnswers>();
        // As ChatPostBot reads a tracking question: its number is looked up on the way in.
        _oneStep.Setup(bot => bot.Forecast(It.IsAny<string>())).Returns((string? text) => new LookupForecast(text!, ["EA123456785CN"]) { InOneStep = true });
        _bot.Setup(bot => bot.OnTurnAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>()))
            .Returns((ITurnContext turn, CancellationToken token) => turn.SendActivityAsync("整轮之答", cancellationToken: token));
    }

    [Fact]
    public async Task Push_ConversationWithNoState_IsAnsweredInOneStep_ItsRetryGetsTheSameAnswer_AndTheNextMessageFindsTheLockFree()
    {
        _oneStep.Setup(bot => bot.TryAnswerAsync("oNewcomer", It.Is<LookupForecast>(forecast => forecast.Text == Question), true, It.IsAny<CancellationToken>())).ReturnsAsync("一步之答");
        await using var factory = Factory();
        var citizen = new BotClient(factory.CreateClient(), "oNewcomer");

        var answer = await citizen.AskAsync(Question, msgId: 1);
        var retry = await citizen.AskAsync(Question, msgId: 1);
        var next = await citizen.AskAsync(Question, msgId: 2);

        Assert.Equal(["一步之答", "一步之答", "一步之答"], [answer, retry, next]);
        _oneStep.Verify(bot => bot.TryAnswerAsync("oNewcomer", It.Is<LookupForecast>(forecast => forecast.Text == Question), true, It.IsAny<CancellationToken>()), Times.Exactly(2));
        _bot.Verify(bot => bot.OnTurnAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Push_FromASandboxUser_IsAnsweredInOneStepToo_AsNoCitizen()
    {
        _oneStep.Setup(bot => bot.TryAnswerAsync("sandbox-warmup-7", It.IsAny<LookupForecast>(), false, It.IsAny<CancellationToken>())).ReturnsAsync("一步之答");
        await using var factory = Factory();

        Assert.Equal("一步之答", await new BotClient(factory.CreateClient(), "sandbox-warmup-7").AskAsync(Question));
        _oneStep.Verify(bot => bot.TryAnswerAsync(It.IsAny<string>(), It.IsAny<LookupForecast>(), true, It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Push_AnsweredInOneStep_TakesNoTurnLock()
    {
        await using var factory = Factory();
        var locks = factory.Services.GetRequiredService<IDistributedLock>();
        bool? lockWasFree = null;
        _oneStep.Setup(bot => bot.TryAnswerAsync("oSwift", It.IsAny<LookupForecast>(), true, It.IsAny<CancellationToken>()))
            .Returns(async (string _, LookupForecast _, bool _, CancellationToken token) =>
            {
                await using var lease = await locks.TryAcquireAsync(new TurnKeys("wechat-mp", "oSwift", "").LockName, TimeSpan.FromSeconds(5), token);
                lockWasFree = lease is not null;
                return "一步之答";
            });

        var answer = await new BotClient(factory.CreateClient(), "oSwift").AskAsync(Question);

        Assert.Equal("一步之答", answer);
        Assert.True(lockWasFree);
    }

    [Fact]
    public async Task Push_WhileATurnOfTheSameUserRuns_WaitsForItAndRunsTheTurn()
    {
        _oneStep.Setup(bot => bot.TryAnswerAsync(It.IsAny<string>(), It.IsAny<LookupForecast>(), true, It.IsAny<CancellationToken>())).ReturnsAsync("一步之答");
        await using var factory = Factory();
        var locks = factory.Services.GetRequiredService<IDistributedLock>();
        var running = await locks.TryAcquireAsync(new TurnKeys("wechat-mp", "oMidTurn", "").LockName, TimeSpan.FromSeconds(30), default);

        var asking = new BotClient(factory.CreateClient(), "oMidTurn").AskAsync(Question);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var answeredWhileTheTurnRan = asking.IsCompleted;
        await running!.DisposeAsync();
        var answer = await asking;

        Assert.False(answeredWhileTheTurnRan);
        Assert.Equal("整轮之答", answer); // the turn that waited for the lock: the running one may have left state
        _oneStep.Verify(bot => bot.TryAnswerAsync(It.IsAny<string>(), It.IsAny<LookupForecast>(), true, It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Push_TheBotDeclines_RunsTheTurn()
    {
        _oneStep.Setup(bot => bot.TryAnswerAsync(It.IsAny<string>(), It.IsAny<LookupForecast>(), true, It.IsAny<CancellationToken>())).ReturnsAsync((string?)null);
        await using var factory = Factory();

        Assert.Equal("整轮之答", await new BotClient(factory.CreateClient(), "oAsker").AskAsync("我的驾驶证到哪了"));
        _bot.Verify(bot => bot.OnTurnAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Push_ConversationWithStoredState_RunsTheTurnWithoutAskingForOneStep()
    {
        _oneStep.Setup(bot => bot.TryAnswerAsync(It.IsAny<string>(), It.IsAny<LookupForecast>(), true, It.IsAny<CancellationToken>())).ReturnsAsync("一步之答");
        await using var factory = Factory();
        await factory.Services.GetRequiredService<IStorage>().WriteAsync(
            new Dictionary<string, object> { ["wechat-mp/conversations/oWaiting"] = new Dictionary<string, object> { ["DialogState"] = "waiting" } });

        Assert.Equal("整轮之答", await new BotClient(factory.CreateClient(), "oWaiting").AskAsync(Question));
        _oneStep.Verify(bot => bot.TryAnswerAsync(It.IsAny<string>(), It.IsAny<LookupForecast>(), true, It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Push_OneStepFails_ApologisesAndLogsAsAFailedTurn_AndTheNextMessageFindsTheLockFree()
    {
        var logs = new LogRecorder();
        _oneStep.SetupSequence(bot => bot.TryAnswerAsync("oUnlucky", It.IsAny<LookupForecast>(), true, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("broken"))
            .ReturnsAsync("一步之答");
        await using var factory = Factory(logs);
        var citizen = new BotClient(factory.CreateClient(), "oUnlucky");

        var failed = await citizen.AskAsync(Question);
        var next = await citizen.AskAsync(Question);

        Assert.Equal(["抱歉，系统开小差了，请稍后再试。如需帮助，请回复“人工”。", "一步之答"], [failed, next]);
        Assert.Contains(logs.Events, line => line.StartsWith("1020 ", StringComparison.Ordinal)); // TurnFailed, as from a turn
    }

    private ChatPostFactory Factory(LogRecorder? logs = null) => new(TestRedis.Prefix(), services: services =>
    {
        services.AddSingleton(_bot.Object);
        if (logs is not null)
        {
            services.AddSingleton<ILoggerProvider>(logs);
        }
    });
}
