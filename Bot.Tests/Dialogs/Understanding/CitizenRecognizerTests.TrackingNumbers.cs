using ChatPost.Bot.Dialogs.Understanding;

namespace ChatPost.Bot.Tests.Dialogs.Understanding;

public sealed partial class CitizenRecognizerTests
{
    [Theory]
    [InlineData("EA123456785CN", "EA123456785CN", TrackingNumberKind.S10, true)]
    [InlineData("EA987654326CN到哪了", "EA987654326CN", TrackingNumberKind.S10, true)]
    [InlineData("帮我查一下 EB 111 222 332 CN", "EB111222332CN", TrackingNumberKind.S10, true)]
    [InlineData("单号EM123456785CN", "EM123456785CN", TrackingNumberKind.S10, true)]
    [InlineData("ea987654326cn", "EA987654326CN", TrackingNumberKind.S10, true)]
    [InlineData("Ea987654326Cn 查一下", "EA987654326CN", TrackingNumberKind.S10, true)]
    [InlineData("ＥＡ１２３４５６７８５ＣＮ", "EA123456785CN", TrackingNumberKind.S10, true)]
    [InlineData("ｅａ１２３４５６７８５ｃｎ", "EA123456785CN", TrackingNumberKind.S10, true)]
    [InlineData("郵件EA987654326CN現在在哪裡", "EA987654326CN", TrackingNumberKind.S10, true)]
    [InlineData("EA-1234-5678-5-CN", "EA123456785CN", TrackingNumberKind.S10, true)]
    [InlineData("E A 12345678 5 C N", "EA123456785CN", TrackingNumberKind.S10, true)]
    [InlineData("EA 123456785 CN", "EA123456785CN", TrackingNumberKind.S10, true)]
    [InlineData("EA　123456785　CN", "EA123456785CN", TrackingNumberKind.S10, true)]
    [InlineData("RR123456785DE到了吗", "RR123456785DE", TrackingNumberKind.S10, true)]
    [InlineData("EA000000005CN", "EA000000005CN", TrackingNumberKind.S10, true)]
    [InlineData("单号EA123456784CN", "EA123456784CN", TrackingNumberKind.S10, false)]
    [InlineData("ea987654321cn", "EA987654321CN", TrackingNumberKind.S10, false)]
    [InlineData("EB 111 222 333 CN", "EB111222333CN", TrackingNumberKind.S10, false)]
    [InlineData("快递单号9876543210123 什么时候能送到", "9876543210123", TrackingNumberKind.Domestic, true)]
    [InlineData("教材到哪儿了？订单号 1184455667788", "1184455667788", TrackingNumberKind.Domestic, true)]
    [InlineData("1173456789012", "1173456789012", TrackingNumberKind.Domestic, true)]
    [InlineData("1173 4567 8901 2", "1173456789012", TrackingNumberKind.Domestic, true)]
    [InlineData("1173-456789012到哪了", "1173456789012", TrackingNumberKind.Domestic, true)]
    [InlineData("１１７３４５６７８９０１２", "1173456789012", TrackingNumberKind.Domestic, true)]
    [InlineData("邮政EMS 9876543210123", "9876543210123", TrackingNumberKind.Domestic, true)]
    [InlineData("單號：1184455667788", "1184455667788", TrackingNumberKind.Domestic, true)]
    [InlineData("8613800001234", "8613800001234", TrackingNumberKind.Domestic, true)]
    [InlineData("我的行驶证寄出来没有 单号EM123456785CN", "EM123456785CN", TrackingNumberKind.S10, true)]
    public void Recognize_OneTrackingNumber_IsNormalisedAndChecked(string text, string value, TrackingNumberKind kind, bool checkValid)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        var number = Assert.Single(understanding.TrackingNumbers);
        Assert.Equal(new TrackingNumber(value, kind, checkValid), number);
        Assert.Equal(Intent.Tracking, understanding.Intent);
    }

    [Theory]
    [InlineData("EA123456785CN EB111222332CN", new[] { "EA123456785CN", "EB111222332CN" })]
    [InlineData("EA123456785CN，1173456789012", new[] { "EA123456785CN", "1173456789012" })]
    [InlineData("1173456789012 9876543210123", new[] { "1173456789012", "9876543210123" })]
    [InlineData("EA123456785CN 和 ea123456785cn", new[] { "EA123456785CN" })]
    [InlineData("单号1173456789012电话13800001234", new[] { "1173456789012" })]
    public void Recognize_SeveralNumbers_KeepsOrderOnceEach(string text, string[] values)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.Equal(values, understanding.TrackingNumbers.Select(number => number.Value));
    }

    [Theory]
    [InlineData("123456789012")]
    [InlineData("12345678901234")]
    [InlineData("1234567890123456")]
    [InlineData("20200304")]
    [InlineData("2020-03-04")]
    [InlineData("100元")]
    [InlineData("邮费12元，重量1.5公斤")]
    [InlineData("EA12345678CN")]
    [InlineData("EA1234567856CN")]
    [InlineData("E123456785CN")]
    [InlineData("EAB123456785CN")]
    [InlineData("EA123456785CNX")]
    [InlineData("X1173456789012")]
    [InlineData("91420100MA4K12345K")]
    [InlineData("13800001234")]
    [InlineData("FP20200217000123")]
    [InlineData("13800001234 12")]
    [InlineData("订单 117345，6789012 是两个号")]
    public void Recognize_NotATrackingNumber_FindsNone(string text)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.Empty(understanding.TrackingNumbers);
    }
}
