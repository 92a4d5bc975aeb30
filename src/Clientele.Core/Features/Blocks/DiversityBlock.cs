namespace Clientele.Core.Features.Blocks;

/// <summary>How varied the client's concepts are: entropy of their shares, the top count, singletons, repeats.</summary>
internal sealed class DiversityBlock() : NamedColumnsBlock(
    "diversity:", FeatureKind.Diversity, ["concept_entropy", "most_frequent_count", "singleton_concepts", "repeated_concepts"],
    i => new DiversitySubject((DiversityMeasure)i))
{
    public override void Write(in FeatureRow row, Span<float> destination)
    {
        destination[(int)DiversityMeasure.ConceptEntropy] = (float)row.Tally.Entropy;
        destination[(int)DiversityMeasure.MostFrequentCount] = row.Tally.MaxCount;
        destination[(int)DiversityMeasure.SingletonConcepts] = row.Tally.Singletons;
        destination[(int)DiversityMeasure.RepeatedConcepts] = row.Tally.Repeated;
    }
}
