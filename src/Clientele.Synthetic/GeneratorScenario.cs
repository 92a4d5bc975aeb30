namespace Clientele.Synthetic;

/// <summary>Which generative process <see cref="NotesGenerator"/> follows.</summary>
public enum GeneratorScenario
{
    /// <summary>Labels from the lexicon signals only (the documented default process).</summary>
    Standard,

    /// <summary>
    /// The default notes plus a maison's invented product-line names, a meeting duration that matters and a
    /// <c>Store</c> column; labels driven by the line, the duration and the stated budget (docs/GENERATED-DATA.md).
    /// </summary>
    Maison,
}
