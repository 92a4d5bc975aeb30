using System.Runtime.CompilerServices;
using Clientele.Core.Lexicon;

namespace Clientele.Core.Features.Blocks;

/// <summary>TF-IDF of the fitted n-grams of consecutive concepts, sublinear and L2-normalised.</summary>
internal sealed class TermBlock : IFeatureBlock
{
    private readonly Dictionary<ulong, int> _termIndex = [];
    private readonly float[] _idf;
    private readonly int _maxNgram;

    public TermBlock(Featurizer.Term[] terms, int maxNgram, ConceptLexicon lexicon)
    {
        _idf = terms.Select(t => t.Idf).ToArray();
        _maxNgram = maxNgram;
        var columns = new FeatureInfo[terms.Length];
        Span<int> gram = stackalloc int[3];
        for (var t = 0; t < terms.Length; t++)
        {
            var ids = terms[t].Concepts;
            for (var i = 0; i < ids.Length; i++)
            {
                gram[i] = Featurizer.Require(lexicon, ids[i]);
            }

            _termIndex[NgramKey.Pack(gram[..ids.Length])] = t;
            columns[t] = new FeatureInfo("term:" + string.Join(' ', ids), FeatureKind.Term, new ConceptsSubject(ids));
        }

        Columns = columns;
    }

    public IReadOnlyList<FeatureInfo> Columns { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(in FeatureRow row, Span<float> destination)
    {
        var counts = row.NgramScratch;
        counts.Clear();
        NgramKey.Count(row.Concepts, _maxNgram, counts);
        TfIdf.Write(counts, _termIndex, _idf, destination);
    }
}
