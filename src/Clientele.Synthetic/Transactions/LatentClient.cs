namespace Clientele.Synthetic.Transactions;

/// <summary>
/// The hidden signals of one client that drive its purchase history: the same numbers that drive its labels
/// (see <see cref="NotesGenerator"/>), so what the notes say shifts how often and how much the client buys.
/// </summary>
/// <param name="ClientId">The client's id, <c>SYN_0000001</c> …</param>
/// <param name="PurchaseProbability">The labels' <c>true_purchase_prob</c>: read here as the chance of a purchase within 90 days while active.</param>
/// <param name="ChurnProbability">The probability the labels' <c>churned</c> was drawn from; it sets the dropout rate.</param>
/// <param name="ExpectedLifetimeValue">The labels' <c>expected_lifetime_value</c>; it sets the order size.</param>
/// <param name="SinceYear">The "client since" year the notes state (or would state); within the window it is the year of the first purchase.</param>
/// <param name="Language">The notes' language code, which picks the home boutique.</param>
internal readonly record struct LatentClient(
    string ClientId,
    double PurchaseProbability,
    double ChurnProbability,
    double ExpectedLifetimeValue,
    int SinceYear,
    string Language);
