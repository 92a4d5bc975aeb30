namespace Clientele.Core.Features;

/// <summary>
/// The featurizer's settings for a tier. <c>Fit</c> learns the vocabulary, idf and top pairs from
/// training profiles and returns a <see cref="Featurizer"/> that transforms any profile the same way.
/// </summary>
public sealed record FeaturizerOptions
{
    public Tier Tier { get; init; }

    /// <summary>Longest n-gram of consecutive concepts used as a TF-IDF term.</summary>
    public int MaxNgram { get; init; }

    /// <summary>How many terms are kept, most frequent (by document frequency) first.</summary>
    public int MaxTerms { get; init; }

    /// <summary>How many words of the matched aliases are kept as TF-IDF features, most frequent first (0 = none).</summary>
    public int MaxWords { get; init; }

    /// <summary>How many grams of the notes' own words the text channel keeps (0 = no text channel).</summary>
    public int MaxTextGrams { get; init; }

    /// <summary>
    /// True to let special-category concepts (health, religion: <see cref="Lexicon.SensitivityMask"/>) and their words
    /// into the features; false (the default) keeps them out of models and reasons.
    /// </summary>
    public bool IncludeSensitive { get; init; }

    /// <summary>A term seen in fewer clients than this is noise.</summary>
    public int MinDocumentFrequency { get; init; } = Defaults.MinDocumentFrequency;

    /// <summary>A term seen in more than this share of clients tells nothing apart.</summary>
    public double MaxDocumentShare { get; init; } = Defaults.MaxDocumentShare;

    /// <summary>Co-occurrence flags for the most frequent concept pairs (0 = none).</summary>
    public int CooccurrencePairs { get; init; }

    /// <summary>Entropy, most-frequent count, singletons and repeats of the concept counts.</summary>
    public bool DiversityFeatures { get; init; }

    public static FeaturizerOptions Fast { get; } = new()
    {
        Tier = Tier.Fast, MaxNgram = 2, MaxTerms = Defaults.FastTerms, MaxWords = Defaults.FastWords, MaxTextGrams = Defaults.FastTextGrams,
    };

    public static FeaturizerOptions Elite { get; } = new()
    {
        Tier = Tier.Elite, MaxNgram = 3, MaxTerms = Defaults.EliteTerms, MaxWords = Defaults.EliteWords, CooccurrencePairs = Defaults.EliteCooccurrencePairs, DiversityFeatures = true,
        MaxTextGrams = Defaults.EliteTextGrams,
    };

    public static FeaturizerOptions For(Tier tier) => tier == Tier.Fast ? Fast : Elite;

    /// <summary>Learns the featurizer state from training profiles.</summary>
    public Featurizer Fit(IReadOnlyList<Profiles.ClientProfile> profiles, Lexicon.ConceptLexicon lexicon, DateOnly? asOf = null) =>
        FeaturizerFitter.Fit(this, profiles, lexicon, asOf, null);

    /// <summary>
    /// As <see cref="Fit(IReadOnlyList{Profiles.ClientProfile}, Lexicon.ConceptLexicon, DateOnly?)"/>, the text channel's
    /// vocabulary learnt from the training clients and outcomes of <paramref name="supervision"/>.
    /// </summary>
    public Featurizer Fit(IReadOnlyList<Profiles.ClientProfile> profiles, Lexicon.ConceptLexicon lexicon, DateOnly? asOf, TextSupervision? supervision) =>
        FeaturizerFitter.Fit(this, profiles, lexicon, asOf, supervision);
}
