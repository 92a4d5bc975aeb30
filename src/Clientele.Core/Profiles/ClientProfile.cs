using Clientele.Core.Concepts;

namespace Clientele.Core.Profiles;

/// <summary>
/// Everything Clientele knows about one client after reading all its notes: the concepts in text order
/// (notes in date order), the facts stated, and the contact history.
/// </summary>
public sealed class ClientProfile
{
    public ClientProfile(string clientId) => ClientId = clientId;

    public string ClientId { get; }

    /// <summary>Concept indices in the order they were found (n-grams are read from this sequence).</summary>
    public List<int> Concepts { get; } = [];

    /// <summary>
    /// For each entry of <see cref="Concepts"/>, which of its concept's aliases matched: the words a client advisor
    /// actually wrote ("vintage champagne" or "champagne") carry nuance the concept folds away.
    /// </summary>
    public List<int> Aliases { get; } = [];

    /// <summary>How many matched aliases were long (a reference statistic); counted, not kept, to stay small at 1M clients.</summary>
    public int LongAliasCount { get; set; }

    /// <summary>Concept matches left out of <see cref="Concepts"/> because a negation cue governs them.</summary>
    public int NegatedCount { get; set; }

    public int NoteCount { get; set; }

    public long TextLength { get; set; }

    public DateOnly? FirstDate { get; set; }

    public DateOnly? LastDate { get; set; }

    /// <summary>Facts merged over notes: the latest note that states a fact wins.</summary>
    public NoteFacts Facts { get; set; }

    /// <summary>
    /// The notes' own words for the text channel (<see cref="Features.NoteTokens"/>: hashed folded words and CJK
    /// characters, names of people left out, 0 between sentences), 4 bytes a token.
    /// </summary>
    public List<uint> Tokens { get; } = [];

    /// <summary>
    /// The folded text of every token seen by the builder that made this profile (shared by all its profiles): the
    /// text channel names the words it keeps. Null for a profile built by hand.
    /// </summary>
    public IReadOnlyDictionary<uint, string>? TokenTexts { get; set; }

    /// <summary>Languages of the notes, as the file gives them.</summary>
    public List<string> Languages { get; } = new(1);

    /// <summary>The notes file's extra columns (beyond id, date, language, text) merged over the client's notes; null when it has none.</summary>
    public Columns.ClientColumns? Columns { get; set; }

    /// <summary>The consent state of the client's latest note that states one (date, then line); null when none does. Never a feature.</summary>
    public string? Consent { get; set; }

    /// <summary>Date and line of the note <see cref="Consent"/> comes from, so the latest statement wins whatever the order notes arrive in.</summary>
    public (DateOnly Date, long Line)? ConsentFrom { get; set; }
}
