namespace Clientele.Core.Scoring;

/// <summary>
/// What a reason is about. Category and word weights are handed to the client's own concepts of that category
/// or matched through that word, so a reason names a concept, a stated fact or the contact history.
/// </summary>
public enum ReasonSubjectKind
{
    /// <summary>A concept of the lexicon (its label is what is shown).</summary>
    Concept,

    /// <summary>The client's stated budget (its range is shown when stated).</summary>
    Budget,

    /// <summary>The client's stated age.</summary>
    Age,

    /// <summary>How many meetings (notes) the client had.</summary>
    MeetingCount,

    /// <summary>How recent and how long the contact is.</summary>
    ContactRecency,

    /// <summary>An extra column of the notes file: a number or date ("Duration: 60 min") or a categorical level ("Store: paris").</summary>
    Column,
    /// <summary>A word or phrase of the notes themselves (the text channel): shown as "mentions «word»".</summary>
    Phrase,

    /// <summary>How often the client buys: purchase days, repeat purchases and the BG/NBD expected purchases.</summary>
    PurchaseCount,

    /// <summary>How recently and how regularly the client buys: days since the last purchase, gaps, P(alive), season.</summary>
    PurchaseRecency,

    /// <summary>What the client spends: mean and total spend, its trend, the Gamma-Gamma expected spend and CLV.</summary>
    Spend,
}
