using ChatPost.Bot.Dialogs.Postal;

namespace ChatPost.Bot.Dialogs.Understanding;

/// <summary>The decision list that <see cref="CitizenRecognizer"/> documents, over <see cref="IntentCues"/>.</summary>
internal static class IntentClassifier
{
    public static Intent Classify(string text, CodeFindings codes, Business? business, bool isCancel)
    {
        var span = text.AsSpan();
        if (IntentCues.Has(span, IntentCues.Handoff) && !IntentCues.AsksAboutServiceDesk(text))
        {
            return Intent.Handoff;
        }

        if (WatchCommandRecognizer.Recognize(span) is { } command)
        {
            return command;
        }

        if (codes.TrackingNumbers.Count > 0)
        {
            return Intent.Tracking;
        }

        if (codes.InvoiceApplicationNo is not null || codes.TaxpayerId is not null)
        {
            return Intent.InvoiceStatus;
        }

        if (isCancel)
        {
            return IntentCues.Has(span, IntentCues.Thanks) ? Intent.Thanks : Intent.Other;
        }

        if (IntentCues.AsksOtherService(text))
        {
            return Intent.OtherService;
        }

        if (business is null && IntentCues.SendsParcel(text))
        {
            return Intent.SendParcel;
        }

        if (business is null && IntentCues.Has(span, IntentCues.PostOfficeWords))
        {
            return Intent.PostOffice;
        }

        if (IntentCues.Has(span, IntentCues.PostageWords))
        {
            return Intent.Postage;
        }

        // How delivery is arranged (不在家, 代签, 改地址, 口罩…) or a phone number asked is a knowledge question of any line, not a lookup.
        if (IntentCues.AsksAboutDelivery(text) || IntentCues.AsksForNumber(text) || (business is null && IntentCues.AsksHowToTrack(text)))
        {
            return Intent.Other;
        }

        // 多久能到 without a number asks how long delivery takes, not where an item is; textbooks come by the school's plan.
        if (IntentCues.AsksHowLong(text))
        {
            return business is Business.Textbook or Business.StudyMaterial ? Intent.Textbook : Intent.DeliveryTime;
        }

        if (IntentCues.AsksStatus(text))
        {
            return StatusOf(business);
        }

        if (business is not null && IntentCues.AsksHowTo(text))
        {
            return HowToOf(business.Value);
        }

        if (IntentCues.Has(span, IntentCues.Money) && (business is not null || IntentCues.Has(span, IntentCues.Mailing)))
        {
            return Intent.Postage;
        }

        if (IntentCues.Has(span, IntentCues.LookUp) || codes.Phone is not null)
        {
            return StatusOf(business);
        }

        if (IntentCues.Has(span, IntentCues.Thanks))
        {
            return Intent.Thanks;
        }

        if (business is not null)
        {
            return HowToOf(business.Value);
        }

        // 你们晚上有人吗 greets in its words but asks when someone answers.
        return IntentCues.Greets(text) && !IntentCues.AsksAboutServiceDesk(text) ? Intent.Greeting : Intent.Other;
    }

    private static Intent StatusOf(Business? business) => business switch
    {
        Business.Invoice => Intent.InvoiceStatus,
        Business.Textbook or Business.StudyMaterial => Intent.Textbook,
        _ => Intent.Tracking,
    };

    private static Intent HowToOf(Business business) => business switch
    {
        Business.Invoice => Intent.InvoiceHowTo,
        Business.License => Intent.LicenseHowTo,
        Business.Textbook or Business.StudyMaterial => Intent.Textbook,
        _ => Intent.Other,
    };
}
