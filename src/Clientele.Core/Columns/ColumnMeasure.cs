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

    /// <summary>The latest value is this level (categorical one-hot); for a transactions column, the share of purchase days with it.</summary>
    Level,

    /// <summary>The latest value is a rare level (categorical); for a transactions column, the share of purchase days with one.</summary>
    Other,

    /// <summary>No note of the client has a value.</summary>
    Missing,

    /// <summary>How many levels of a transactions column the client bought (its category breadth).</summary>
    Breadth,
}
