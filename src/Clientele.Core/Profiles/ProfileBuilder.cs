using Clientele.Core.Concepts;
using Clientele.Core.Ingest;

namespace Clientele.Core.Profiles;

/// <summary>
/// Folds a stream of notes into one <see cref="ClientProfile"/> per client, running concept detection
/// and fact extraction once per note. Clients keep the order in which they first appear.
/// </summary>
public sealed class ProfileBuilder(ConceptMatcher matcher)
{
    private readonly Dictionary<string, ClientProfile> _byId = new(StringComparer.Ordinal);
    private readonly List<ClientProfile> _ordered = [];
    private readonly List<ConceptMatch> _matches = [];
    private readonly List<ConceptMatch> _scratch = [];

    public ConceptMatcher Matcher { get; } = matcher;

    /// <summary>Called for every match, e.g. to write the detect output; null to skip.</summary>
    public Action<Note, ConceptMatch>? OnMatch { get; init; }

    public int ClientCount => _ordered.Count;

    /// <summary>Adds one note (notes of a client may come in any order; dates decide which facts win).</summary>
    public void Add(Note note)
    {
        if (!_byId.TryGetValue(note.ClientId, out var profile))
        {
            profile = new ClientProfile(note.ClientId);
            _byId.Add(note.ClientId, profile);
            _ordered.Add(profile);
        }

        _matches.Clear();
        Matcher.Match(note.Text, _matches, _scratch);
        var concepts = Matcher.Lexicon.Concepts;
        foreach (var m in _matches)
        {
            profile.Concepts.Add(m.ConceptIndex);
            profile.MatchedAliases.Add(concepts[m.ConceptIndex].Aliases[m.AliasIndex]);
            OnMatch?.Invoke(note, m);
        }

        var isLatest = note.Date is null || profile.LastDate is null || note.Date >= profile.LastDate;
        profile.NoteCount++;
        profile.TextLength += note.Text.Length;
        if (note.Language is not null)
        {
            profile.Languages.Add(note.Language);
        }

        if (note.Date is { } d)
        {
            profile.FirstDate = profile.FirstDate is null || d < profile.FirstDate ? d : profile.FirstDate;
            profile.LastDate = profile.LastDate is null || d > profile.LastDate ? d : profile.LastDate;
        }

        var facts = FactExtractor.Extract(note.Text);
        profile.Facts = Merge(profile.Facts, facts, isLatest);
    }

    public void AddRange(IEnumerable<Note> notes)
    {
        foreach (var note in notes)
        {
            Add(note);
        }
    }

    /// <summary>The profiles built so far, in first-seen order.</summary>
    public IReadOnlyList<ClientProfile> Build() => _ordered;

    /// <summary>Profiles of a whole notes collection, in one call.</summary>
    public static IReadOnlyList<ClientProfile> FromNotes(ConceptMatcher matcher, IEnumerable<Note> notes)
    {
        var builder = new ProfileBuilder(matcher);
        builder.AddRange(notes);
        return builder.Build();
    }

    private static NoteFacts Merge(NoteFacts current, NoteFacts next, bool nextIsLatest)
    {
        var budgetFromNext = next.BudgetLowK is not null && (nextIsLatest || current.BudgetLowK is null);
        var ageFromNext = next.Age is not null && (nextIsLatest || current.Age is null);
        return new NoteFacts(
            budgetFromNext ? next.BudgetLowK : current.BudgetLowK,
            budgetFromNext ? next.BudgetHighK : current.BudgetHighK,
            budgetFromNext ? next.BudgetOpenEnded : current.BudgetOpenEnded,
            ageFromNext ? next.Age : current.Age);
    }
}
