using Clientele.Core.Lexicon;

namespace Clientele.Core.Features.Blocks;

/// <summary>Co-occurrence flags of the fitted concept pairs: both concepts somewhere in the client's notes.</summary>
internal sealed class PairBlock : IFeatureBlock
{
    private readonly (int A, int B)[] _pairs;

    public PairBlock(string[][] pairs, ConceptLexicon lexicon)
    {
        _pairs = pairs.Select(p => (Featurizer.Require(lexicon, p[0]), Featurizer.Require(lexicon, p[1]))).ToArray();
        Columns = pairs.Select(p => new FeatureInfo("pair:" + p[0] + "&" + p[1], FeatureKind.Pair, new ConceptsSubject(p))).ToArray();
    }

    public IReadOnlyList<FeatureInfo> Columns { get; }

    public void Write(in FeatureRow row, Span<float> destination)
    {
        if (row.Tally.ByConcept is not { } byConcept)
        {
            return;
        }

        for (var p = 0; p < _pairs.Length; p++)
        {
            if (byConcept.ContainsKey(_pairs[p].A) && byConcept.ContainsKey(_pairs[p].B))
            {
                destination[p] = 1;
            }
        }
    }
}
