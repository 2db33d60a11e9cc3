using ChatPost.Bot.Dialogs.Understanding;

namespace ChatPost.Bot.Tests.Dialogs.Understanding;

public sealed partial class CitizenRecognizerTests
{
    [Theory]
    [InlineData("FP20200217000123", "FP20200217000123")]
    [InlineData("申请编号FP20200220000088", "FP20200220000088")]
    [InlineData("fp20200220000088查一下", "FP20200220000088")]
    [InlineData("ＦＰ２０２００２１７０００１２３", "FP20200217000123")]
    [InlineData("FP 2020 0217 0001 23 这个申请到哪一步了", "FP20200217000123")]
    [InlineData("FP-20200217000123", "FP20200217000123")]
    [InlineData("發票申請編號FP20200217000123", "FP20200217000123")]
    public void Recognize_InvoiceApplicationNo_IsNormalised(string text, string expected)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.Equal(expected, understanding.InvoiceApplicationNo);
        Assert.Equal(Intent.InvoiceStatus, understanding.Intent);
    }

    [Theory]
    [InlineData("FP2020021700012")]
    [InlineData("FP202002170001234")]
    [InlineData("FX20200217000123")]
    [InlineData("20200217000123")]
    public void Recognize_NotAnApplicationNo_FindsNone(string text)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.Null(understanding.InvoiceApplicationNo);
    }

    [Theory]
    [InlineData("91429005MA4951234A", "91429005MA4951234A", true, true)]
    [InlineData("纳税人识别号 91420100MA4K12345K 的发票寄了吗", "91420100MA4K12345K", true, true)]
    [InlineData("税号91420100ma4k12345k", "91420100MA4K12345K", true, true)]
    [InlineData("９１４２９００５ＭＡ４９５１２３４Ａ", "91429005MA4951234A", true, true)]
    [InlineData("納稅人識別號91429005MA4951234A", "91429005MA4951234A", true, true)]
    [InlineData("91420100MA4K12345J", "91420100MA4K12345J", true, false)]
    [InlineData("税号 91429005MA4951234B 查发票", "91429005MA4951234B", true, false)]
    [InlineData("发票 914201007146543210", "914201007146543210", true, false)]
    [InlineData("统一社会信用代码91420100714654321F", "91420100714654321F", true, true)]
    [InlineData("信用代码 91420100714654321F", "91420100714654321F", true, true)]
    [InlineData("91420100714654321F", "91420100714654321F", true, true)]
    [InlineData("纳税人识别号是420106198001011237 帮我查发票", "420106198001011237", false, true)]
    [InlineData("税号420106198001011234", "420106198001011234", true, false)]
    [InlineData("税号 420106710012345", "420106710012345", false, true)]
    [InlineData("税号42010671001234X", "42010671001234X", false, true)]
    [InlineData("税务登记号 42010619800101123701", "42010619800101123701", false, true)]
    public void Recognize_TaxpayerId_IsNormalisedAndChecked(string text, string value, bool unified, bool checkValid)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.Equal(new TaxpayerId(value, unified, checkValid), understanding.TaxpayerId);
        Assert.Empty(understanding.TrackingNumbers);
        Assert.Equal(Intent.InvoiceStatus, understanding.Intent);
    }

    [Theory]
    [InlineData("身份证420106198001011237")]
    [InlineData("420106710012345")]
    [InlineData("银行卡 6222021234567890123")]
    [InlineData("发票单号1173456789012")]
    [InlineData("税务局电话13800001234")]
    [InlineData("发票 12345678901234")]
    [InlineData("税号 ABCDEFGHJK12345678")]
    [InlineData("EA123456785CN")]
    public void Recognize_NotATaxpayerId_FindsNone(string text)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.Null(understanding.TaxpayerId);
    }

    [Theory]
    [InlineData("13800001234", "13800001234")]
    [InlineData("电话13912345678", "13912345678")]
    [InlineData("我的電話是13912345678，幫我查查", "13912345678")]
    [InlineData("138 0000 1234", "13800001234")]
    [InlineData("138-0000-1234", "13800001234")]
    [InlineData("+8613800001234", "13800001234")]
    [InlineData("+86 138 0000 1234", "13800001234")]
    [InlineData("+86-13800001234", "13800001234")]
    [InlineData("0086 13800001234", "13800001234")]
    [InlineData("86 138 0000 1234", "13800001234")]
    [InlineData("＋８６ １３８００００１２３４", "13800001234")]
    [InlineData("手机19912345678有件吗", "19912345678")]
    [InlineData("13800001234 12", "13800001234")]
    [InlineData("单号1173456789012 电话13800001234", "13800001234")]
    public void Recognize_MobilePhone_IsElevenDigits(string text, string expected)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.Equal(expected, understanding.Phone);
    }

    [Theory]
    [InlineData("12800001234")]
    [InlineData("1380000123")]
    [InlineData("138000012345")]
    [InlineData("027-88889999")]
    [InlineData("02788889999")]
    [InlineData("1173456789012")]
    [InlineData("8613800001234")]
    public void Recognize_NotAMobile_FindsNone(string text)
    {
        var sut = CreateSut();

        var understanding = sut.Recognize(text, Today);

        Assert.Null(understanding.Phone);
    }
}
