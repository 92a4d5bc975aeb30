using Clientele.Core.Lexicon;
using Clientele.Storage.Store;

namespace Clientele.Workflows.Privacy;

/// <summary>
/// Special-category concepts of a client (allergies, medical diets, religion: Lexicon/Resources/sensitive.tsv) shown
/// to advisors as service notes ("nut allergy"), so the boutique can act on them, while the sensitivity mask keeps
/// them out of models and reasons.
/// </summary>
public static class ServiceNotes
{
    /// <summary>One service note: the concept's label, why it is special-category data ("health", "religion"), how often the notes mention it.</summary>
    public sealed record ServiceNote(string Label, string Reason, int Count);

    /// <summary>The service notes among a client's stored concepts, most mentioned first.</summary>
    public static IReadOnlyList<ServiceNote> Of(IReadOnlyList<ConceptRecord> concepts)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        return concepts
            .Select(c => (c, Reason: SensitivityMask.ReasonOf(new Concept(c.ConceptId, c.Label, c.Category, []))))
            .Where(x => x.Reason is not null)
            .Select(x => new ServiceNote(x.c.Label, x.Reason!, x.c.Count))
            .OrderByDescending(n => n.Count)
            .ThenBy(n => n.Label, StringComparer.Ordinal)
            .ToList();
    }
}
