namespace Clientele.Core.Columns;

/// <summary>Why an extra column is not a feature (the schema report's "why not").</summary>
public enum ColumnExclusion
{
    /// <summary>It is used.</summary>
    None,

    /// <summary>Unique or near-unique per client (ids, names, e-mails, phone numbers).</summary>
    Identifier,

    /// <summary>Alone it predicts a target almost perfectly: probably derived from the outcome (lift with <c>--force-column</c>).</summary>
    Leakage,

    /// <summary>Left out on request.</summary>
    Ignored,

    /// <summary>Too few clients have a value, or no categorical value is frequent enough.</summary>
    TooSparse,

    /// <summary>Every client has the same value: it separates nobody.</summary>
    Constant,

    /// <summary>Free text: the note text channel reads words, the column block does not.</summary>
    Text,

    /// <summary>A number in a transactions file (a quantity): spend is already a purchase feature, so it is not summed again.</summary>
    Numeric,
}
