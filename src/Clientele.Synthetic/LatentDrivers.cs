namespace Clientele.Synthetic;

/// <summary>
/// The seven hidden label drivers of a generated client (see the remarks of <see cref="NotesGenerator"/>), drawn in
/// one fixed order for a noted client (<see cref="ClientWriter"/>) and for one without notes
/// (<see cref="Transactions.TransactionWriter"/>), so that both follow the one process.
/// </summary>
internal readonly record struct LatentDrivers(bool NoLimit, bool Luxury, bool Gift, bool Intent, bool Urgency, bool Hesitation, bool Price)
{
    /// <summary>The drivers from <paramref name="rng"/>, one draw each in the order of the parameters.</summary>
    public static LatentDrivers Draw(ref SplitMix64 rng) => new(
        rng.Chance(NotesGenerator.NoLimitShare),
        rng.Chance(NotesGenerator.LuxuryShare),
        rng.Chance(NotesGenerator.GiftShare),
        rng.Chance(NotesGenerator.IntentShare),
        rng.Chance(NotesGenerator.UrgencyShare),
        rng.Chance(NotesGenerator.HesitationShare),
        rng.Chance(NotesGenerator.PriceShare));

    /// <summary><see cref="NotesGenerator.PurchaseProbability"/> of these drivers.</summary>
    public double PurchaseProbability(double budgetK, int daysSinceLast) =>
        NotesGenerator.PurchaseProbability(NoLimit, Luxury, Gift, Intent, Urgency, Hesitation, Price, budgetK, daysSinceLast);

    /// <summary><see cref="NotesGenerator.ExpectedLifetimeValue"/> of these drivers.</summary>
    public double ExpectedLifetimeValue(double budgetK) => NotesGenerator.ExpectedLifetimeValue(NoLimit, Luxury, Gift, budgetK);

    /// <summary>These drivers as the ground truth of client <paramref name="clientId"/>.</summary>
    public GeneratedSignals Signals(string clientId, double budgetK, int daysSinceLast) =>
        new(clientId, NoLimit, Luxury, Gift, Intent, Urgency, Hesitation, Price, budgetK, daysSinceLast);
}
