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
    private readonly Dictionary<uint, string> _tokenTexts = [];
    private readonly List<uint> _tokens = [];
    private readonly List<(uint, string)> _newTexts = [];

    public ConceptMatcher Matcher { get; } = matcher;

    /// <summary>
    /// Called for every match, negated ones included (<see cref="ConceptMatch.Negated"/>), e.g. to write the detect
    /// output; null to skip.
    /// </summary>
    public Action<Note, ConceptMatch>? OnMatch { get; init; }

    public int ClientCount => _ordered.Count;

    /// <summary>Adds one note (notes of a client may come in any order; dates decide which facts win).</summary>
    public void Add(Note note)
    {
        _matches.Clear();
        Matcher.Match(note.Text, _matches, _scratch);
        _tokens.Clear();
        _newTexts.Clear();
        Features.NoteTokens.Append(note.Text, _tokens, _tokenTexts, _newTexts);
        Merge(note, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_matches), FactExtractor.Extract(note.Text),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tokens), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_newTexts));
    }

    /// <summary>
    /// Adds notes in chunks: detection and fact extraction of a chunk run in parallel (each note is
    /// independent), then the chunk is merged in file order, so the result equals adding one by one. The next chunk
    /// is read from <paramref name="notes"/> (a file, usually) while the one before is analysed and merged.
    /// </summary>
    public void AddRange(IEnumerable<Note> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var pending = Task.CompletedTask;
        var chunk = new List<Note>(ParallelChunk);
        var seen = 0;
        try
        {
            foreach (var note in notes)
            {
                chunk.Add(note);
                if (chunk.Count < ParallelChunk)
                {
                    continue;
                }

                // One chunk in flight: merges stay in file order and the token texts are never written while read.
                pending.GetAwaiter().GetResult();
                var full = chunk;
                pending = Task.Run(() => AddChunk(full));
                chunk = new List<Note>(ParallelChunk);
                seen += ParallelChunk;
                if (seen >= Defaults.CompileFactRegexesAfterNotes)
                {
                    Facts.FactPatterns.CompileInBackground();
                }
            }
        }
        catch
        {
            // A bad row stops the read: the chunk in flight finishes before the error leaves, so nothing runs on after it.
            pending.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
            throw;
        }

        pending.GetAwaiter().GetResult();
        AddChunk(chunk);
    }

    /// <summary>Notes analysed in parallel before merging: large enough to keep both cores busy, small enough to stream.</summary>
    private const int ParallelChunk = 2048;

    private void AddChunk(List<Note> chunk)
    {
        var matches = new ConceptMatch[chunk.Count][];
        var facts = new NoteFacts[chunk.Count];
        var tokens = new uint[chunk.Count][];
        var newTexts = new (uint, string)[chunk.Count][];
        // The token texts are only read while the chunk runs in parallel and written while it merges, one note at a time.
        // Each worker fills its own lists and keeps an exact-size copy per note: a fresh list per note grew four or five
        // times and was most of what profile building allocated besides the facts (docs/BENCHMARKS.md, "fewer allocations per note").
        Parallel.For(0, chunk.Count, () => new NoteScratch(), (i, _, scratch) =>
        {
            scratch.Clear();
            Matcher.Match(chunk[i].Text, scratch.Matches, scratch.MatcherScratch);
            matches[i] = scratch.Matches.Count == 0 ? [] : [.. scratch.Matches];
            facts[i] = FactExtractor.Extract(chunk[i].Text);
            Features.NoteTokens.Append(chunk[i].Text, scratch.Tokens, _tokenTexts, scratch.NewTexts);
            tokens[i] = [.. scratch.Tokens];
            newTexts[i] = scratch.NewTexts.Count == 0 ? [] : [.. scratch.NewTexts];
            return scratch;
        }, _ => { });
        for (var i = 0; i < chunk.Count; i++)
        {
            Merge(chunk[i], matches[i], facts[i], tokens[i], newTexts[i]);
        }
    }

    /// <summary>One worker's lists, reused from note to note.</summary>
    private sealed class NoteScratch
    {
        public List<ConceptMatch> Matches { get; } = [];

        public List<ConceptMatch> MatcherScratch { get; } = [];

        public List<uint> Tokens { get; } = [];

        public List<(uint, string)> NewTexts { get; } = [];

        public void Clear()
        {
            Matches.Clear();
            Tokens.Clear();
            NewTexts.Clear();
        }
    }

    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Merge(Note note, ReadOnlySpan<ConceptMatch> noteMatches, NoteFacts facts, ReadOnlySpan<uint> tokens, ReadOnlySpan<(uint Token, string Text)> newTexts)
    {
        if (!_byId.TryGetValue(note.ClientId, out var profile))
        {
            profile = new ClientProfile(note.ClientId) { TokenTexts = _tokenTexts };
            _byId.Add(note.ClientId, profile);
            _ordered.Add(profile);
        }

        profile.Tokens.AddRange(tokens);
        foreach (var (token, text) in newTexts)
        {
            _tokenTexts.TryAdd(token, text);
        }

        var concepts = Matcher.Lexicon.Concepts;
        foreach (var m in noteMatches)
        {
            OnMatch?.Invoke(note, m);
            if (m.Negated)
            {
                // "pas fan de noir" mentions black but is not a liking for it: it must never count as the concept.
                profile.NegatedCount++;
                continue;
            }

            profile.Concepts.Add(m.ConceptIndex);
            profile.Aliases.Add(m.AliasIndex);
            profile.LongAliasCount += concepts[m.ConceptIndex].Aliases[m.AliasIndex].Length > Defaults.LongAliasLength ? 1 : 0;
        }

        var isLatest = note.Date is null || profile.LastDate is null || note.Date >= profile.LastDate;
        profile.NoteCount++;
        profile.TextLength += note.Text.Length;
        if (note.Language is not null && !profile.Languages.Contains(note.Language))
        {
            profile.Languages.Add(note.Language);
        }

        if (note.Date is { } d)
        {
            profile.FirstDate = profile.FirstDate is null || d < profile.FirstDate ? d : profile.FirstDate;
            profile.LastDate = profile.LastDate is null || d > profile.LastDate ? d : profile.LastDate;
        }

        profile.Facts = MergeFacts(profile.Facts, facts, isLatest);
        if (note.Consent is { } consent && (note.Date ?? DateOnly.MinValue, note.Line) is var from && (profile.ConsentFrom is not { } seen || from.CompareTo(seen) >= 0))
        {
            profile.Consent = consent;
            profile.ConsentFrom = from;
        }

        if (note.ColumnNames is { } names && note.ColumnValues is { } values)
        {
            profile.Columns ??= new Columns.ClientColumns(names);
            profile.Columns.Add(values, isLatest);
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

    private static NoteFacts MergeFacts(NoteFacts current, NoteFacts next, bool nextIsLatest)
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
