using Clientele.Core.Text;

namespace Clientele.Core.Lexicon;

/// <summary>
/// Which concepts of a lexicon are special-category data (Lexicon/Resources/sensitive.tsv: health, religion): the one
/// mask every feature block and the reasons read, so a sensitive concept reaches no model and no reason unless a
/// training opts in. Advisors still see the concepts in the notes and on the client page.
/// </summary>
public sealed class SensitivityMask
{
    private const string Resource = "Clientele.Core.Lexicon.sensitive.tsv";
    private const string CategoryPrefix = "category:";

    private static readonly IReadOnlyList<string[]> Rows = EmbeddedTable.Read(Resource);

    private readonly bool[] _masked;

    private SensitivityMask(bool[] masked)
    {
        _masked = masked;
        Count = masked.Count(m => m);
    }

    /// <summary>How many concepts the mask hides.</summary>
    public int Count { get; }

    /// <summary>True when concept <paramref name="conceptIndex"/> is kept out of features and reasons.</summary>
    public bool IsMasked(int conceptIndex) => _masked[conceptIndex];

    /// <summary>The mask of <paramref name="lexicon"/>: sensitive concepts hidden, unless <paramref name="includeSensitive"/>.</summary>
    public static SensitivityMask For(ConceptLexicon lexicon, bool includeSensitive)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var masked = new bool[lexicon.Concepts.Count];
        if (!includeSensitive)
        {
            for (var i = 0; i < masked.Length; i++)
            {
                masked[i] = ReasonOf(lexicon.Concepts[i]) is not null;
            }
        }

        return new SensitivityMask(masked);
    }

    /// <summary>Why <paramref name="concept"/> is special-category data ("health", "religion"), or null when it is not.</summary>
    public static string? ReasonOf(Concept concept)
    {
        ArgumentNullException.ThrowIfNull(concept);
        foreach (var row in Rows)
        {
            var selector = row[0];
            var matches = selector.StartsWith(CategoryPrefix, StringComparison.Ordinal)
                ? string.Equals(selector[CategoryPrefix.Length..], concept.Category, StringComparison.Ordinal)
                : string.Equals(selector, concept.Id, StringComparison.Ordinal);
            if (matches)
            {
                return row[1];
            }
        }

        return null;
    }
}
