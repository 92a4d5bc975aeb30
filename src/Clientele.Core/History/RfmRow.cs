namespace Clientele.Core.History;

/// <summary>
/// One client's purchase summary as of a date, in the BG/NBD convention: <see cref="Frequency"/> counts repeat
/// purchase days, <see cref="Recency"/> and <see cref="T"/> are measured from the first purchase day in the
/// summary's <see cref="Period"/>, and <see cref="MonetaryValue"/> is the mean spend of the repeat days only.
/// </summary>
public sealed record RfmRow(
    string ClientId,
    int Frequency,
    double Recency,
    double T,
    double MonetaryValue,
    double TotalSpend,
    DateOnly FirstPurchase,
    DateOnly LastPurchase,
    int DaysSinceLast);
