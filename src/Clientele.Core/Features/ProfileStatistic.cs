namespace Clientele.Core.Features;

/// <summary>Statistics of a client's text and concepts, in column order.</summary>
public enum ProfileStatistic
{
    ConceptCount,
    DistinctConcepts,
    TextLength,
    DistinctRatio,
    ConceptsPer100Chars,
    LongAliasRatio,
}
