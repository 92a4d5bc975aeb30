using Clientele.Core.Lexicon;

namespace Clientele.Core.Features.Blocks;

/// <summary>
/// Per category, the count of the client's concepts in it, then per category a presence flag: the linear member
/// cannot bend a count into "has it or not".
/// </summary>
internal sealed class CategoryBlock : IFeatureBlock
{
    private readonly int[] _categoryOfConcept;

    public CategoryBlock(ConceptLexicon lexicon)
    {
        _categoryOfConcept = lexicon.Concepts.Select(c => IndexOf(c.Category)).ToArray();
        Columns =
        [
            .. ConceptCategory.All.Select(c => new FeatureInfo("category:" + c, FeatureKind.Category, new CategorySubject(c))),
            .. ConceptCategory.All.Select(c => new FeatureInfo("has:" + c, FeatureKind.Category, new CategorySubject(c))),
        ];
    }

    public IReadOnlyList<FeatureInfo> Columns { get; }

    public void Write(in FeatureRow row, Span<float> destination)
    {
        var categories = ConceptCategory.All.Count;
        foreach (var c in row.Concepts)
        {
            destination[_categoryOfConcept[c]] += 1;
            destination[categories + _categoryOfConcept[c]] = 1;
        }
    }

    /// <summary>A category outside the known list counts as the last one.</summary>
    private static int IndexOf(string category)
    {
        for (var i = 0; i < ConceptCategory.All.Count; i++)
        {
            if (ConceptCategory.All[i] == category)
            {
                return i;
            }
        }

        return ConceptCategory.All.Count - 1;
    }
}
