namespace Clientele.Synthetic;

/// <summary>
/// One generated client's hidden signals: the true drivers its labels were drawn from (see the remarks of
/// <see cref="NotesGenerator"/>), so a measurement can tell whether a reason names a real effect with its sign.
/// </summary>
/// <param name="ClientId">The client's id, as in the notes and labels.</param>
/// <param name="NoLimit">No-limit budget (raises purchase and value, lowers churn).</param>
/// <param name="Luxury">Luxury / exclusivity (raises purchase and value, lowers churn).</param>
/// <param name="Gift">Gift or occasion (raises purchase and value, lowers churn).</param>
/// <param name="Intent">Purchase intent (raises purchase, lowers churn).</param>
/// <param name="Urgency">Urgency (raises purchase, lowers churn).</param>
/// <param name="Hesitation">Hesitation (lowers purchase, raises churn).</param>
/// <param name="Price">Price sensitivity (lowers purchase, raises churn).</param>
/// <param name="BudgetK">The stated budget in thousands (0 when none is stated).</param>
/// <param name="DaysSinceLast">Days from the last note to the generator's as-of date (over 180 is stale).</param>
public sealed record GeneratedSignals(
    string ClientId,
    bool NoLimit,
    bool Luxury,
    bool Gift,
    bool Intent,
    bool Urgency,
    bool Hesitation,
    bool Price,
    double BudgetK,
    int DaysSinceLast)
{
    /// <summary>Days without a note beyond which the process lowers purchase and raises churn.</summary>
    public const int StaleDays = NotesGenerator.StaleDays;

    /// <summary>True when the last note is older than <see cref="StaleDays"/>.</summary>
    public bool Stale => DaysSinceLast > StaleDays;
}
