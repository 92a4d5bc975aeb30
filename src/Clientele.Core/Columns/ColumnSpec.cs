namespace Clientele.Core.Columns;

/// <summary>
/// One extra column of the schema: its inferred type, the type used (an override wins), whether it is a feature
/// and why not, what its values look like, and for a categorical column the levels fitted on the training clients.
/// </summary>
/// <param name="Name">The header name.</param>
/// <param name="Inferred">The type its values suggest.</param>
/// <param name="Type">The type used: <paramref name="Inferred"/> unless overridden.</param>
/// <param name="Exclusion">Why it is not a feature; <see cref="ColumnExclusion.None"/> when it is.</param>
/// <param name="Coverage">Share of clients with a value.</param>
/// <param name="Distinct">Distinct latest values over clients (capped at <see cref="Defaults.ColumnDistinctCap"/>).</param>
public sealed record ColumnSpec(string Name, ColumnType Inferred, ColumnType Type, ColumnExclusion Exclusion, double Coverage, int Distinct)
{
    /// <summary>True when the column is a feature.</summary>
    public bool Used => Exclusion == ColumnExclusion.None;

    /// <summary>Categorical levels kept (folded), most frequent first; the others read as "other".</summary>
    public IReadOnlyList<string> Levels { get; init; } = [];

    /// <summary>The best single-column score against a target (AUC for binary, R² for value), and that target; null when not measured.</summary>
    public double? LeakageScore { get; init; }

    /// <summary>The target <see cref="LeakageScore"/> is about.</summary>
    public string? LeakageTarget { get; init; }

    /// <summary>True when <c>--force-column</c> kept it despite the leakage guard.</summary>
    public bool Forced { get; init; }

    /// <summary>The schema report's "why not" in words, empty when used.</summary>
    public string WhyNot => Exclusion switch
    {
        ColumnExclusion.None => string.Empty,
        ColumnExclusion.Identifier => "identifier",
        ColumnExclusion.Leakage => "leakage",
        ColumnExclusion.Ignored => "ignored",
        ColumnExclusion.TooSparse => "too sparse",
        ColumnExclusion.Constant => "constant",
        ColumnExclusion.Numeric => "numeric (transactions: not summed)",
        _ => "text",
    };
}
