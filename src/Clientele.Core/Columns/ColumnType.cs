namespace Clientele.Core.Columns;

/// <summary>What an extra column holds, inferred from its values or set with <c>--column-type</c>.</summary>
public enum ColumnType
{
    /// <summary>Numbers (durations read in minutes): mean, latest value and a missing flag per client.</summary>
    Numeric,

    /// <summary>A small set of values (store, channel, "short/medium/long"): one-hot of the client's latest value.</summary>
    Categorical,

    /// <summary>Dates: days from the latest value to the reference date, and a missing flag.</summary>
    Date,

    /// <summary>Free text (long, varied strings): left to the text channel over the notes, not a column feature.</summary>
    Text,

    /// <summary>An identifier (unique or near-unique per client: ids, names, e-mails, phone numbers): never a feature.</summary>
    Identifier,

    /// <summary>Left out on request (<c>--ignore-column</c>, <c>--column-type NAME=ignore</c>).</summary>
    Ignore,
}
