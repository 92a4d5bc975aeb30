namespace Clientele.Core.Features;

/// <summary>Which block a feature column belongs to; explanations read a column's meaning from its kind and subject.</summary>
public enum FeatureKind
{
    /// <summary>TF-IDF of an n-gram of consecutive concepts.</summary>
    Term,

    /// <summary>Count of the client's concepts in a category, or the flag that it has one.</summary>
    Category,

    /// <summary>A statistic of the client's text and concepts.</summary>
    Statistic,

    /// <summary>A stated fact (budget, age) or the flag that it is missing.</summary>
    Fact,

    /// <summary>The contact history: meetings, recency, span.</summary>
    History,

    /// <summary>Co-occurrence flag of two concepts.</summary>
    Pair,

    /// <summary>How varied the client's concepts are.</summary>
    Diversity,

    /// <summary>A word of the matched aliases (TF-IDF).</summary>
    Word,

    /// <summary>The purchase history: RFM, inter-purchase gaps, spend trend, season and the BTYD outputs.</summary>
    Purchase,

    /// <summary>An extra column of the notes file (numeric, date or a categorical level), or its missing flag.</summary>
    Column,
    /// <summary>A gram of the notes' own words (TF-IDF): the text channel.</summary>
    Text,
}
