namespace Clientele.Synthetic.Transactions;

/// <summary>
/// The tuned numbers of the generated purchase history (docs/GENERATED-DATA.md describes the process they drive),
/// each with why it has its value.
/// </summary>
internal static class TransactionProcess
{
    /// <summary>The history covers the three years up to and including the as-of date.</summary>
    public const int Years = 3;

    /// <summary>
    /// <c>true_purchase_prob</c> is read as the chance of at least one purchase within this many days while the
    /// client is active, which sets the base Poisson rate −ln(1 − p) / 90: the 90 days of the default purchase horizon.
    /// </summary>
    public const double HorizonDays = 90;

    /// <summary>
    /// Shape of the mean-1 Gamma multiplying each client's rate: the heterogeneity the notes do not explain (BG/NBD's
    /// Gamma(r, α) across clients). 3 gives a coefficient of variation of 0.58, so two clients with the same notes
    /// can buy at clearly different rates, and the history carries information the notes do not.
    /// </summary>
    public const double RateShape = 3;

    /// <summary>
    /// Mean per-purchase dropout = this × the labels' churn probability (0.02–0.98), so 0.2 %–12 %: a client the
    /// labels make likely to churn drops out after ~8 purchases, a loyal one after ~400 (never, within three years).
    /// </summary>
    public const double DropoutScale = 0.12;

    /// <summary>Concentration a + b of the Beta each client's dropout probability is drawn from (BG/NBD's Beta(a, b)); 8 spreads it widely around its mean.</summary>
    public const double DropoutConcentration = 8;

    /// <summary>A client's mean order value is this share of <c>expected_lifetime_value</c> (600 for the smallest, ~12,600 for the largest).</summary>
    public const double OrderShareOfClv = 0.2;

    /// <summary>Shape of the mean-1 Gamma multiplying each client's order value (Gamma-Gamma's ν across clients): CV 0.41.</summary>
    public const double SpendShape = 6;

    /// <summary>Shape of the Gamma of each amount around the client's order value (Gamma-Gamma's p): CV 0.5.</summary>
    public const double AmountShape = 4;

    /// <summary>Share of purchases returned in full (a negative amount on a later day): luxury returns are rare.</summary>
    public const double ReturnShare = 0.03;

    /// <summary>A return comes 1 to this many days after its purchase (the usual 30-day return policy).</summary>
    public const int ReturnDays = 30;

    /// <summary>Share of a client's purchases made away from the home boutique (travel).</summary>
    public const double AwayShare = 0.12;

    /// <summary>Share of noted clients who never bought anything (prospects): they appear in the notes only.</summary>
    public const double NeverBoughtShare = 0.10;

    /// <summary>
    /// Clients with purchases and no notes (bought online or without meeting an advisor), as a share of the noted
    /// clients; their ids continue the noted ones' (<c>SYN_</c> + N + 1 …).
    /// </summary>
    public const double TransactionsOnlyShare = 0.10;

    /// <summary>Domain of the noted clients' transaction streams (any constant other than the notes' own stream).</summary>
    public const ulong NotedDomain = 0x7472616E73616374UL; // "transact"

    /// <summary>Domain of the transactions-only clients' streams.</summary>
    public const ulong UnnotedDomain = 0x756E6E6F74656421UL; // "unnoted!"
}
