using System.Diagnostics.CodeAnalysis;

namespace ChatPost.Bot.Dialogs.Postal;

/// <summary>The wire names of the ingestion contract (DESIGN.md) and the Chinese names users read.</summary>
public static class PostalNames
{
    private static readonly string[] BusinessWire = ["license", "invoice", "textbook", "study-material", "other"];
    private static readonly string[] BusinessChinese = ["交管证照", "税务发票", "教材", "教辅资料", "其他"];
    private static readonly string[] ShipmentWire = ["accepted", "in_transit", "out_for_delivery", "delivered", "returned", "exception"];
    private static readonly string[] ShipmentChinese = ["已收寄", "运输中", "派送中", "已签收", "已退回", "异常"];
    private static readonly string[] InvoiceWire = ["submitted", "approved", "issued", "mailed", "delivered", "rejected"];
    private static readonly string[] InvoiceChinese = ["已提交", "已审核", "已开具", "已寄出", "已送达", "未通过"];

    public static string ToWire(Business value) => BusinessWire[(int)value];

    public static string ToWire(ShipmentStatus value) => ShipmentWire[(int)value];

    public static string ToWire(InvoiceStatus value) => InvoiceWire[(int)value];

    public static string ToChinese(Business value) => BusinessChinese[(int)value];

    public static string ToChinese(ShipmentStatus value) => ShipmentChinese[(int)value];

    public static string ToChinese(InvoiceStatus value) => InvoiceChinese[(int)value];

    /// <summary>Parses a wire name exactly (case-sensitive, as the contract spells it).</summary>
    public static bool TryParse(string? wire, out Business value) => TryParse(BusinessWire, wire, out value);

    /// <inheritdoc cref="TryParse(string?, out Business)"/>
    public static bool TryParse(string? wire, out ShipmentStatus value) => TryParse(ShipmentWire, wire, out value);

    /// <inheritdoc cref="TryParse(string?, out Business)"/>
    public static bool TryParse(string? wire, out InvoiceStatus value) => TryParse(InvoiceWire, wire, out value);

    private static bool TryParse<T>(string[] names, string? wire, [MaybeNullWhen(false)] out T value) where T : struct, Enum
    {
        var index = wire is null ? -1 : Array.IndexOf(names, wire);
        value = index >= 0 ? (T)(object)index : default;
        return index >= 0;
    }
}
