namespace ChatPost.Bot.Dialogs.Understanding;

/// <summary>What a citizen or taxpayer wants from a message. <see cref="CitizenRecognizer"/> documents how one is chosen.</summary>
public enum Intent
{
    /// <summary>Where an item is (<c>track</c>): with a tracking number or phone, or asking without one (the dialog asks for it).</summary>
    Tracking,

    /// <summary>Where an invoice application stands (<c>invoice_status</c>), by application number or taxpayer ID, or asking without.</summary>
    InvoiceStatus,

    /// <summary>How to apply for invoices by post (<c>invoice_howto</c>).</summary>
    InvoiceHowTo,

    /// <summary>What posting costs and who pays (<c>postage</c>).</summary>
    Postage,

    /// <summary>How to get driving licences and vehicle papers by post (<c>license_howto</c>).</summary>
    LicenseHowTo,

    /// <summary>Textbooks and study materials: when, where, how (<c>textbook</c>).</summary>
    Textbook,

    /// <summary>Asks for a person, or complains (<c>handoff</c>).</summary>
    Handoff,

    /// <summary>Only a hello (<c>greeting</c>).</summary>
    Greeting,

    /// <summary>Thanks or an acknowledgement, and nothing asked (<c>thanks</c>).</summary>
    Thanks,

    /// <summary>Asks to be told when an item moves (<c>提醒</c>): the items named, or those the last answer offered.</summary>
    Watch,

    /// <summary>Stops being told (<c>取消提醒</c>): about the items named, or about everything.</summary>
    Unwatch,

    /// <summary>Asks which items it is told about (<c>我的提醒</c>).</summary>
    ListWatches,

    /// <summary>Wants to send a parcel of their own (<c>send_parcel</c>): not these records; a redirect to 11183 and the post's apps.</summary>
    SendParcel,

    /// <summary>Asks for a post office: its hours or address (<c>post_office</c>).</summary>
    PostOffice,

    /// <summary>Asks about another government service (social security, ID cards, tax returns, traffic fines…) (<c>other_service</c>): a redirect.</summary>
    OtherService,

    /// <summary>Anything else (<c>other</c>): the FAQ search may still find an answer.</summary>
    Other,

    /// <summary>
    /// How long delivery takes, without a number to look up (<c>delivery_time</c>): 多久能到, 几天能收到. Like <see cref="Postage"/>,
    /// one question across the lines; the business line named picks the entry. Last, so stored topics keep their values.
    /// </summary>
    DeliveryTime,
}
