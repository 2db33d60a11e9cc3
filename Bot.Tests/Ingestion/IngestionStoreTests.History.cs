using ChatPost.Bot.Dialogs.Postal;
using ChatPost.Bot.Ingestion;

namespace ChatPost.Bot.Tests.Ingestion;

public partial class IngestionStoreTests
{
    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task FindStepsAsync_EventsInAnyOrderAndRepeated_EachStepOnceNewestFirst(string implementation)
    {
        var sut = CreateSut(implementation);
        var history = (IShipmentHistory)sut.Store;
        await sut.Store.AddShipmentEventsAsync([Event("EA123456785CN", ShipmentStatus.Delivered, Posted.AddHours(30))], default);
        await sut.Store.AddShipmentEventsAsync(
        [
            Event("EA123456785CN", ShipmentStatus.Accepted, Posted),
            Event("EA123456785CN", ShipmentStatus.InTransit, Posted.AddHours(5)),
            Event("EA123456785CN", ShipmentStatus.Delivered, Posted.AddHours(30)),
            Event("EA123456794CN", ShipmentStatus.Accepted, Posted),
        ], default);

        var steps = await history.FindStepsAsync("EA123456785CN", 10, default);
        var newest = await history.FindStepsAsync("EA123456785CN", 1, default);

        Assert.Equal(
            [new ShipmentStep(ShipmentStatus.Delivered, Posted.AddHours(30)), new ShipmentStep(ShipmentStatus.InTransit, Posted.AddHours(5)),
                new ShipmentStep(ShipmentStatus.Accepted, Posted)],
            steps);
        Assert.Equal([ShipmentStatus.Delivered], newest.Select(step => step.Status));
        Assert.Empty(await history.FindStepsAsync("EA999999995CN", 10, default));
    }
}
