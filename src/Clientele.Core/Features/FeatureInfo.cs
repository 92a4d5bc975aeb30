namespace Clientele.Core.Features;

/// <summary>What kind of signal a feature carries; explanations group contributions by it.</summary>
public enum FeatureKind
{
    Term,
    Category,
    Statistic,
    Fact,
    History,
    Pair,
    Diversity,

    /// <summary>A word of the matched aliases (TF-IDF).</summary>
    Word,
}

/// <summary>
/// One column of the feature vector: a stable name, its kind, the concept ids it is made of (for terms and
/// pairs) and a readable text used in reasons.
/// </summary>
public sealed record FeatureInfo(string Name, FeatureKind Kind, IReadOnlyList<string> ConceptIds, string Display);
