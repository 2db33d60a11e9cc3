namespace ChatPost.Bot.Dialogs.Understanding;

/// <summary>
/// The Chinese names staff read for what the bot understood, as <see cref="Postal.PostalNames"/> names the business lines: the
/// console's pages and the explain sentence say these, while the API and the stored entries keep the <see cref="Intent"/> names.
/// </summary>
public static class IntentNames
{
    /// <summary>The intent's Chinese name.</summary>
    public static string ToChinese(Intent intent) => intent switch
    {
        Intent.Tracking => "查询邮件",
        Intent.InvoiceStatus => "查询发票申请",
        Intent.InvoiceHowTo => "发票邮寄怎么办",
        Intent.Postage => "邮费",
        Intent.LicenseHowTo => "证照邮寄怎么办",
        Intent.Textbook => "教材教辅",
        Intent.Handoff => "转人工或投诉",
        Intent.Greeting => "问候",
        Intent.Thanks => "致谢",
        Intent.Watch => "设置提醒",
        Intent.Unwatch => "取消提醒",
        Intent.ListWatches => "查看提醒",
        Intent.SendParcel => "寄件",
        Intent.PostOffice => "网点时间和地址",
        Intent.OtherService => "其他政务服务",
        Intent.Other => "其他问题",
        Intent.DeliveryTime => "送达时间",
        _ => throw new ArgumentOutOfRangeException(nameof(intent), intent, "An intent without a Chinese name."),
    };
}
