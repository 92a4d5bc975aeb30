namespace Clientele.Core.History;

/// <summary>
/// The windows outcomes are counted over, in days: purchased = a purchase day within <see cref="HorizonDays"/>,
/// churned = none within <see cref="ChurnDays"/>, lifetime value = net spend within <see cref="ValueDays"/>.
/// Training from transactions uses one cutoff for all three: the as-of date minus <see cref="Longest"/>.
/// </summary>
public sealed record PurchaseWindows(int HorizonDays = PurchaseWindows.DefaultHorizonDays, int ChurnDays = PurchaseWindows.DefaultChurnDays,
    int ValueDays = PurchaseWindows.DefaultValueDays)
{
    /// <summary>A quarter: the horizon a maison plans a clienteling campaign over.</summary>
    public const int DefaultHorizonDays = 90;

    /// <summary>A year without a purchase: luxury clients buy seasonally, so a shorter gap is not yet loss.</summary>
    public const int DefaultChurnDays = 365;

    /// <summary>A year of spend: the value horizon the reports and the CLV segments are read over.</summary>
    public const int DefaultValueDays = 365;

    /// <summary>The longest window: the training cutoff lies this many days before the as-of date.</summary>
    public int Longest => Math.Max(HorizonDays, Math.Max(ChurnDays, ValueDays));

    /// <summary>The cutoff training features are taken at for outcomes observed up to <paramref name="asOf"/>.</summary>
    public DateOnly Cutoff(DateOnly asOf) => asOf.AddDays(-Longest);
}
