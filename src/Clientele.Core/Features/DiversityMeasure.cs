namespace Clientele.Core.Features;

/// <summary>The diversity measures, in column order.</summary>
public enum DiversityMeasure
{
    ConceptEntropy,
    MostFrequentCount,
    SingletonConcepts,
    RepeatedConcepts,
}
