namespace Clientele.Core.Features;

/// <summary>
/// One column of the feature vector: a stable name (listed in the bundle metadata), the block kind and the typed
/// subject it measures, from which explanations tell what a column's weight is about without reading its name.
/// </summary>
public sealed record FeatureInfo(string Name, FeatureKind Kind, FeatureSubject Subject)
{
    /// <summary>The concept ids a term or pair is made of; empty for the other kinds.</summary>
    public IReadOnlyList<string> ConceptIds => Subject is ConceptsSubject concepts ? concepts.ConceptIds : [];
}
