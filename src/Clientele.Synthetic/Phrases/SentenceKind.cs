namespace Clientele.Synthetic.Phrases;

/// <summary>The sentences a note is made of, in the order they appear in a note.</summary>
internal enum SentenceKind : byte
{
    Intro,
    Opener,
    Vip,
    Intent,
    Browse,
    Preference,
    Luxury,
    NoLimit,
    Budget,
    BudgetAround,
    Gift,
    Hesitation,
    Price,
    Urgency,
    Hobby,
    Travel,
    Family,
    Diet,
    Allergy,
    FollowUp,
    Quote,
}
