using System.Runtime.CompilerServices;
using Clientele.Core.Lexicon;

namespace Clientele.Core.Features.Blocks;

/// <summary>TF-IDF of the fitted n-grams of consecutive concepts, sublinear and L2-normalised.</summary>
internal sealed class TermBlock : IFeatureBlock
{
    private readonly Dictionary<ulong, int> _termIndex = [];
    private readonly Featurizer.Term[] _terms;
    private readonly int _maxNgram;

    public TermBlock(Featurizer.Term[] terms, int maxNgram, ConceptLexicon lexicon)
    {
        _terms = terms;
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
        double norm = 0;
        foreach (var (key, count) in counts)
        {
            if (_termIndex.TryGetValue(key, out var t))
            {
                var v = (float)((1.0 + Math.Log(count)) * _terms[t].Idf);
                destination[t] = v;
                norm += v * v;
            }
        }

        if (norm > 0)
        {
            var inv = (float)(1.0 / Math.Sqrt(norm));
            for (var t = 0; t < _terms.Length; t++)
            {
                destination[t] *= inv;
            }
        }
    }
}
