namespace Clientele.Core.Columns;

/// <summary>Which value of an extra column a feature holds.</summary>
public enum ColumnMeasure
{
    /// <summary>Mean over the client's notes (numeric).</summary>
    Mean,

    /// <summary>The client's latest value (numeric).</summary>
    Latest,

    /// <summary>Days from the latest date to the reference date (date).</summary>
    DaysSince,

    /// <summary>The latest value is this level (categorical one-hot).</summary>
    Level,

    /// <summary>The latest value is a rare level (categorical).</summary>
    Other,

    /// <summary>No note of the client has a value.</summary>
    Missing,
}
