using Clientele.Core.Ingest;
using Clientele.Core.Profiles;
using Clientele.Core.Scoring;

namespace Clientele.Storage.Store;

/// <summary>Turns notes, profiles and scores into the records the store keeps.</summary>
public static class RecordMapper
{
    /// <summary>One client record per profile, its display name guessed from the client's notes.</summary>
    public static List<ClientRecord> Clients(IReadOnlyList<ClientProfile> profiles, IReadOnlyList<Note> notes)
    {
        var textsByClient = notes.GroupBy(n => n.ClientId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(n => n.Date).Select(n => n.Text).ToList(), StringComparer.Ordinal);
        var clients = new List<ClientRecord>(profiles.Count);
        foreach (var p in profiles)
        {
            var name = (textsByClient.GetValueOrDefault(p.ClientId) ?? []).Select(DisplayNames.Guess).FirstOrDefault(n => n.Length > 0) ?? string.Empty;
            var languages = p.Languages.Count == 0 ? null : string.Join(",", p.Languages.Order(StringComparer.Ordinal));
            clients.Add(new ClientRecord(p.ClientId, name, p.FirstDate, p.LastDate, p.NoteCount, languages));
        }

        return clients;
    }

    /// <summary>The aggregated concepts of each profile, most mentioned first.</summary>
    public static List<ConceptRecord> Concepts(IReadOnlyList<ClientProfile> profiles, Core.Lexicon.ConceptLexicon lexicon)
    {
        var concepts = new List<ConceptRecord>();
        foreach (var p in profiles)
        {
            foreach (var group in p.Concepts.GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key))
            {
                var concept = lexicon.Concepts[group.Key];
                concepts.Add(new ConceptRecord(p.ClientId, concept.Id, concept.Label, concept.Category, group.Count()));
            }
        }

        return concepts;
    }

    public static List<PredictionRecord> Predictions(IEnumerable<ClientScore> scores, string version, DateTimeOffset at) =>
        scores.Select(s => new PredictionRecord(s.ClientId, version, at, s)).ToList();

    /// <summary>Stored notes back into the ingest shape, for rescoring and retraining.</summary>
    public static Note ToNote(NoteRecord n, long line) => new(n.ClientId, n.Date, n.Language, n.Text, line);
}
