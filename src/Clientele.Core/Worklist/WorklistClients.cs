using Clientele.Core.History;
using Clientele.Core.Lexicon;
using Clientele.Core.Occasions;
using Clientele.Core.Profiles;
using Clientele.Core.Scoring;

namespace Clientele.Core.Worklist;

/// <summary>Builds the <see cref="WorklistClient"/>s of a scored population from its profiles, occasions, purchases, advisors and contacts.</summary>
public static class WorklistClients
{
    private static readonly string[] PreferenceCategories = [ConceptCategory.Colour, ConceptCategory.Material, ConceptCategory.Product];

    /// <summary>
    /// One client per score (scores and profiles in the same order, as <see cref="Scorer"/> returns them).
    /// <paramref name="btyd"/> gives P(alive) from the client's purchases in <paramref name="ledger"/>; the lookups give
    /// the advisor and the last logged contact of a client id (absent: none).
    /// </summary>
    public static List<WorklistClient> From(IReadOnlyList<ClientProfile> profiles, IReadOnlyList<ClientScore> scores, ConceptLexicon lexicon,
        ILookup<string, Occasion> occasions, PurchaseLedger? ledger, BtydState? btyd, DateOnly asOf,
        IReadOnlyDictionary<string, string> advisors, IReadOnlyDictionary<string, DateOnly> contacts)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(occasions);
        ArgumentNullException.ThrowIfNull(advisors);
        ArgumentNullException.ThrowIfNull(contacts);
        if (profiles.Count != scores.Count)
        {
            throw new ArgumentException("one score per profile, in the same order");
        }

        var result = new List<WorklistClient>(profiles.Count);
        for (var i = 0; i < profiles.Count; i++)
        {
            var profile = profiles[i];
            var id = profile.ClientId;
            var purchases = ledger?.For(id);
            var rfm = purchases?.Rfm(asOf);
            result.Add(new WorklistClient(id, scores[i])
            {
                Advisor = advisors.GetValueOrDefault(id, string.Empty),
                Concepts = profile.Concepts.Select(c => lexicon.Concepts[c].Id).ToHashSet(StringComparer.Ordinal),
                Preferences = Preferences(profile, lexicon),
                Facts = profile.Facts,
                Occasions = occasions[id].ToList(),
                DaysSincePurchase = rfm?.DaysSinceLast,
                ProbabilityAlive = rfm is null ? null : btyd?.Score(rfm).ProbabilityAlive,
                LastNote = profile.LastDate,
                LastLoggedContact = contacts.TryGetValue(id, out var c) ? c : null,
            });
        }

        return result;
    }

    /// <summary>The newest stated colour, material and product, in that order ("black leather tote"), in the words of <see cref="WorklistPhrases.PreferenceWords"/>.</summary>
    public static IReadOnlyList<string> Preferences(ClientProfile profile, ConceptLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(lexicon);
        var found = new string?[PreferenceCategories.Length];
        for (var k = profile.Concepts.Count - 1; k >= 0; k--)
        {
            var concept = lexicon.Concepts[profile.Concepts[k]];
            var slot = Array.IndexOf(PreferenceCategories, concept.Category);
            if (slot >= 0 && found[slot] is null && WorklistPhrases.PreferenceWords(concept.Label) is { } words)
            {
                found[slot] = words;
            }
        }

        return found.Where(f => f is not null).Select(f => f!).ToList();
    }
}
