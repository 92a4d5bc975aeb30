using System.Runtime.CompilerServices;

namespace Clientele.Core.Features.Blocks;

/// <summary>
/// The notes' own words: TF-IDF of the fitted grams (<see cref="TextVocabularyFitter"/>) over the client's tokens,
/// sublinear and L2-normalised like the concept terms. Words no lexicon knows (a maison's product lines) reach the
/// model here.
/// </summary>
internal sealed class TextBlock : IFeatureBlock
{
    private readonly Dictionary<ulong, int> _column = [];
    private readonly float[] _idf;

    public TextBlock(Featurizer.TextGram[] grams)
    {
        _idf = grams.Select(g => g.Idf).ToArray();
        var columns = new FeatureInfo[grams.Length];
        for (var g = 0; g < grams.Length; g++)
        {
            _column[TextGrams.Key(grams[g].Parts)] = g;
            var text = grams[g].Display;
            columns[g] = new FeatureInfo("text:" + text, FeatureKind.Text, new TextSubject(text));
        }

        Columns = columns;
    }

    public IReadOnlyList<FeatureInfo> Columns { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(in FeatureRow row, Span<float> destination)
    {
        var counts = row.NgramScratch;
        counts.Clear();
        TextGrams.Count(row.Profile.Tokens, counts, _column);
        TfIdf.Write(counts, _column, _idf, destination);
    }
}
