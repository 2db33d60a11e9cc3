namespace ChatPost.Bot.Dialogs.Postal;

/// <summary>The business lines of "apply online, delivered by post". Wire names in <see cref="PostalNames"/>.</summary>
public enum Business
{
    /// <summary><c>license</c>: driving licences and vehicle papers ordered on the 12123 app (交管证照).</summary>
    License,

    /// <summary><c>invoice</c>: tax invoices applied for on the e-tax site (税务发票).</summary>
    Invoice,

    /// <summary><c>textbook</c>: school textbooks (教材).</summary>
    Textbook,

    /// <summary><c>study-material</c>: study materials (教辅资料).</summary>
    StudyMaterial,

    /// <summary><c>other</c>.</summary>
    Other,
}
