namespace Clientele.Core.Features.Blocks;

/// <summary>How varied the client's concepts are: entropy of their shares, the top count, singletons, repeats.</summary>
internal sealed class DiversityBlock : IFeatureBlock
{
    private static readonly string[] Names = ["concept_entropy", "most_frequent_count", "singleton_concepts", "repeated_concepts"];

    public IReadOnlyList<FeatureInfo> Columns { get; } =
        Names.Select((name, i) => new FeatureInfo("diversity:" + name, FeatureKind.Diversity, new DiversitySubject((DiversityMeasure)i))).ToArray();

    public void Write(in FeatureRow row, Span<float> destination)
    {
        var tally = row.Tally;
        destination[(int)DiversityMeasure.ConceptEntropy] = (float)tally.Entropy;
        destination[(int)DiversityMeasure.MostFrequentCount] = tally.MaxCount;
        destination[(int)DiversityMeasure.SingletonConcepts] = tally.Singletons;
        destination[(int)DiversityMeasure.RepeatedConcepts] = tally.Repeated;
    }
}
