using System.Text;

namespace Clientele.Synthetic;

/// <summary>How a note states a budget figure.</summary>
internal enum BudgetKind : byte
{
    None,
    Range,
    Around,
    Plus,
    Euro,
}

/// <summary>
/// A budget a client states: a range "3-5K", "around 5K", "20K+" or euros "1500€" (thousands, euros for
/// <see cref="BudgetKind.Euro"/>), drawn by weight from a fixed table.
/// </summary>
internal readonly record struct StatedBudget(BudgetKind Kind, int Low, int High)
{
    /// <summary>No figure stated.</summary>
    public static readonly StatedBudget None = new(BudgetKind.None, 0, 0);

    /// <summary>The stated budgets with their weights; about 28 % of the weight is on 10K or more.</summary>
    private static readonly (StatedBudget Budget, int Weight)[] Table =
    [
        (Range(1, 2), 3), (Range(2, 3), 5), (Range(3, 4), 6), (Range(3, 5), 6),
        (Range(4, 6), 4), (Range(5, 7), 4), (Range(5, 10), 4), (Range(8, 10), 3),
        (Range(10, 15), 3), (Range(15, 20), 2), (Range(20, 30), 2), (Range(30, 50), 1),
        (Of(BudgetKind.Around, 2), 3), (Of(BudgetKind.Around, 3), 5), (Of(BudgetKind.Around, 4), 4), (Of(BudgetKind.Around, 5), 6),
        (Of(BudgetKind.Around, 6), 3), (Of(BudgetKind.Around, 8), 3), (Of(BudgetKind.Around, 10), 3), (Of(BudgetKind.Around, 12), 2),
        (Of(BudgetKind.Around, 15), 2), (Of(BudgetKind.Around, 20), 2), (Of(BudgetKind.Around, 25), 1), (Of(BudgetKind.Around, 30), 1),
        (Of(BudgetKind.Around, 40), 1),
        (Of(BudgetKind.Plus, 10), 2), (Of(BudgetKind.Plus, 15), 1), (Of(BudgetKind.Plus, 20), 2), (Of(BudgetKind.Plus, 30), 1),
        (Of(BudgetKind.Plus, 50), 1),
        (Of(BudgetKind.Euro, 800), 2), (Of(BudgetKind.Euro, 1000), 2), (Of(BudgetKind.Euro, 1200), 1),
        (Of(BudgetKind.Euro, 1500), 3), (Of(BudgetKind.Euro, 2000), 2),
    ];

    /// <summary>The sum of the table's weights: draw a number below it and <see cref="Pick"/> it.</summary>
    public static readonly int TotalWeight = Table.Sum(row => row.Weight);

    /// <summary><c>budget_k</c> of the generative process: a range's midpoint, euros in thousands, else the figure.</summary>
    public double Thousands => Kind switch
    {
        BudgetKind.None => 0,
        BudgetKind.Range => (Low + High) / 2.0,
        BudgetKind.Euro => Low / 1000.0,
        _ => Low,
    };

    /// <summary>The budget at weight <paramref name="draw"/> (0 ≤ draw &lt; <see cref="TotalWeight"/>).</summary>
    public static StatedBudget Pick(int draw)
    {
        foreach (var (budget, weight) in Table)
        {
            if (draw < weight)
            {
                return budget;
            }

            draw -= weight;
        }

        throw new ArgumentOutOfRangeException(nameof(draw), draw, "beyond the budget table's weights");
    }

    /// <summary>Appends the figure as notes write it: "3-5K", "5K", "20K+", "1500€".</summary>
    public void AppendTo(StringBuilder text)
    {
        text.Append(Low);
        switch (Kind)
        {
            case BudgetKind.Range:
                text.Append('-').Append(High).Append('K');
                break;
            case BudgetKind.Plus:
                text.Append("K+");
                break;
            case BudgetKind.Euro:
                text.Append('€');
                break;
            default:
                text.Append('K');
                break;
        }
    }

    private static StatedBudget Range(int low, int high) => new(BudgetKind.Range, low, high);

    private static StatedBudget Of(BudgetKind kind, int figure) => new(kind, figure, figure);
}
