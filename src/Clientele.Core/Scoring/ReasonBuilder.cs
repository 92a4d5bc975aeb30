using System.Runtime.CompilerServices;
using System.Text;
using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Profiles;

namespace Clientele.Core.Scoring;

/// <summary>
/// Turns per-feature contributions into a few typed <see cref="Reason"/>s: contributions of the features this
/// client actually has (its concepts, categories, stated facts, contact history) are summed per subject, and the
/// strongest, with their sign, are kept. What a feature is about comes from its kind and typed subject, never
/// from its name; <see cref="ReasonText"/> renders the result ("+ anniversary, + no-limit budget, − hesitant").
/// </summary>
public sealed class ReasonBuilder
{
    // Reasons are keyed by their subject's name (a concept label, "stated budget", …): concepts sharing a label
    // share a reason, as they always have. The names are interned once into integer keys, so the per-row loop sums
    // into an array instead of hashing strings; a key's rank in ordinal order of names breaks ties.
    private readonly ReasonSubject[] _keySubject;
    private readonly int[] _keyRank;
    private readonly int[][] _featureKeys;     // keys a feature's weight is shared by (none: it explains nothing)
    private readonly int[] _featureCategory;   // category id of a Category feature, else -1
    private readonly int[] _conceptCategory;
    private readonly int[] _conceptLabelKey;
    private readonly int[] _featureWord;       // index in the featurizer's words of a Word feature, else -1
    private readonly Featurizer _featurizer;
    private readonly string?[] _keyValueColumn; // the extra column whose value a key's reason shows, else null

    public ReasonBuilder(Featurizer featurizer)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        _featurizer = featurizer;
        var lexicon = featurizer.Lexicon;
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var subjects = new List<ReasonSubject>();
        int Key(ReasonSubject subject)
        {
            var name = ReasonText.Name(subject);
            if (!keys.TryGetValue(name, out var id))
            {
                id = subjects.Count;
                keys.Add(name, id);
                subjects.Add(subject);
            }
            else if (subject.Kind != ReasonSubjectKind.Concept)
            {
                // A concept labelled like a fact shares the fact's reason, shown as the fact is (with its value).
                subjects[id] = subject;
            }

            return id;
        }

        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        int Category(string name) => categories.TryGetValue(name, out var id) ? id : categories[name] = categories.Count;

        // A budget concept ("budget mentioned", "budget 3-10K") and the stated figures are one thing to a reader: their
        // weights add up in the one budget reason (apart, a tree's path credits them with opposite signs that cancel).
        var budget = new ReasonSubject(ReasonSubjectKind.Budget);
        _conceptLabelKey = lexicon.Concepts.Select(c => Key(c.Category == Lexicon.ConceptCategory.Budget ? budget : ReasonSubject.Of(c))).ToArray();
        _conceptCategory = lexicon.Concepts.Select(c => Category(c.Category)).ToArray();
        _featureKeys = featurizer.Features.Select(f => f.Subject switch
        {
            ConceptsSubject concepts => concepts.ConceptIds.Select(id => _conceptLabelKey[lexicon.IndexOf(id)]).Distinct().ToArray(),
            FactSubject or HistorySubject or PurchaseSubject => Subject(f.Subject) is { } subject ? [Key(subject)] : [],
            ColumnSubject { Measure: not (Columns.ColumnMeasure.Missing or Columns.ColumnMeasure.Other or Columns.ColumnMeasure.Breadth) } column => [Key(ColumnReason(column))],
            TextSubject text => ShownLength(text.Text) >= Defaults.MinPhraseReasonLength ? [Key(ReasonSubject.OfPhrase(text.Text))] : [],
            _ => [],
        }).ToArray();
        _featureWord = Enumerable.Range(0, featurizer.FeatureCount).Select(featurizer.WordOf).ToArray();
        _featureCategory = featurizer.Features.Select(f => f.Subject is CategorySubject c ? Category(c.Category) : -1).ToArray();
        _keySubject = subjects.ToArray();
        _keyValueColumn = _keySubject.Select(k => k.Kind == ReasonSubjectKind.Column && !k.Column!.Contains(": ", StringComparison.Ordinal) ? k.Column : null).ToArray();
        var byName = Enumerable.Range(0, _keySubject.Length).ToArray();
        Array.Sort(byName, (a, b) => string.CompareOrdinal(ReasonText.Name(_keySubject[a]), ReasonText.Name(_keySubject[b])));
        _keyRank = new int[_keySubject.Length];
        for (var r = 0; r < byName.Length; r++)
        {
            _keyRank[byName[r]] = r;
        }
    }

    /// <summary>The top <paramref name="count"/> reasons for one client's score on one target, as text ("+ gift, − hesitant").</summary>
    public string Build(ReadOnlySpan<float> contributions, ReadOnlySpan<float> features, ClientProfile profile, int count = Defaults.ReasonsPerScore)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var reasons = Explain(Target.Purchased, contributions, features, profile, count);
        var text = new StringBuilder();
        ReasonText.AppendList(text, reasons.ToArray(), profile.Facts);
        return text.ToString();
    }

    /// <summary>
    /// The top <paramref name="count"/> reasons for one client's score on <paramref name="target"/>, strongest first,
    /// from the contributions of the features the client has (<paramref name="features"/> non-zero).
    /// </summary>
    public IReadOnlyList<Reason> Explain(Target target, ReadOnlySpan<float> contributions, ReadOnlySpan<float> features, ClientProfile profile, int count = Defaults.ReasonsPerScore)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var scratch = NewScratch();
        var n = Math.Min(_featureKeys.Length, contributions.Length);
        for (var j = 0; j < n; j++)
        {
            if (contributions[j] != 0 && features[j] != 0)
            {
                scratch.Candidates.Add((j, contributions[j]));
            }
        }

        var reasons = new List<Reason>();
        Append(scratch, target, reasons, profile, count);
        return reasons;
    }

    /// <summary>Buffers for <see cref="Append"/>, one per worker thread.</summary>
    internal ReasonScratch NewScratch() => new(_keySubject.Length);

    /// <summary>Features the reasons can use (those a row's contributions may be read for).</summary>
    internal int FeatureCount => _featureKeys.Length;

    /// <summary>
    /// Adds the reasons on <paramref name="target"/> for <paramref name="scratch"/>'s candidates (ascending feature
    /// index, each with a non-zero contribution and feature value) to <paramref name="output"/>, strongest first, and
    /// clears the candidates.
    /// </summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Append(ReasonScratch scratch, Target target, List<Reason> output, ClientProfile profile, int count = Defaults.ReasonsPerScore)
    {
        scratch.Begin();
        var strongest = 0f;
        foreach (var (_, c) in scratch.Candidates)
        {
            strongest = Math.Max(strongest, Math.Abs(c));
        }

        scratch.Floor = Math.Max(1e-6, Defaults.ReasonNoiseShare * strongest);
        foreach (var (j, c) in scratch.Candidates)
        {
            // Only what the client has (the caller passes present features only): the absence of a concept is not
            // a reason a person can act on, nor is a missing-fact flag; a fact or history value counts when stated.
            // A category's weight goes to the client's own concepts of that category, and a word's to the concepts
            // it was matched in, so reasons name concepts.
            var category = _featureCategory[j];
            var word = _featureWord[j];
            if (category >= 0 || word >= 0)
            {
                var conceptKeys = scratch.CategoryKeys;
                if (category >= 0)
                {
                    CategoryKeys(profile, category, conceptKeys);
                }
                else
                {
                    WordKeys(scratch, profile, word, conceptKeys);
                }

                if (conceptKeys.Count == 0)
                {
                    continue;
                }

                // float / int, then widened: the same arithmetic as the string-keyed version had.
                var conceptShare = c / conceptKeys.Count;
                foreach (var key in conceptKeys)
                {
                    scratch.Add(key, conceptShare);
                }

                continue;
            }

            var keys = _featureKeys[j];
            if (keys.Length == 0)
            {
                continue;
            }

            var share = c / keys.Length;
            foreach (var key in keys)
            {
                scratch.Add(key, share);
            }
        }

        scratch.Candidates.Clear();
        SelectTop(scratch, count);
        foreach (var key in scratch.Top)
        {
            output.Add(new Reason(target, WithValue(key, profile), scratch.Sums[key]));
        }
    }

    /// <summary>
    /// The <paramref name="count"/> keys of largest |sum| (at least the scratch's noise floor), ties by ordinal name: keys are distinct, so
    /// this total order picks exactly the first items a stable sort by |value| then text would.
    /// </summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SelectTop(ReasonScratch scratch, int count)
    {
        var top = scratch.Top;
        top.Clear();
        for (var t = 0; t < scratch.TouchedCount; t++)
        {
            var key = scratch.Touched[t];
            if (!(Math.Abs(scratch.Sums[key]) >= scratch.Floor))
            {
                continue;
            }

            var at = top.Count;
            while (at > 0 && Before(scratch.Sums, key, top[at - 1]))
            {
                at--;
            }

            if (at < count)
            {
                top.Insert(at, key);
                if (top.Count > count)
                {
                    top.RemoveAt(top.Count - 1);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Before(double[] sums, int a, int b)
    {
        var byWeight = Math.Abs(sums[b]).CompareTo(Math.Abs(sums[a]));
        return byWeight != 0 ? byWeight < 0 : _keyRank[a] < _keyRank[b];
    }

    /// <summary>Distinct label keys of the client's concepts in <paramref name="category"/>, into <paramref name="keys"/>.</summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CategoryKeys(ClientProfile profile, int category, List<int> keys)
    {
        keys.Clear();
        foreach (var i in profile.Concepts)
        {
            // A masked concept is never a reason, even when its category's weight is handed out.
            if (_conceptCategory[i] == category && !_featurizer.Mask.IsMasked(i))
            {
                var key = _conceptLabelKey[i];
                if (!keys.Contains(key))
                {
                    keys.Add(key);
                }
            }
        }
    }

    /// <summary>Distinct label keys of the client's concepts matched through an alias containing <paramref name="word"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WordKeys(ReasonScratch scratch, ClientProfile profile, int word, List<int> keys)
    {
        var words = scratch.Words;
        if (!ReferenceEquals(scratch.WordsOf, profile))
        {
            words.Clear();
            var n = Math.Min(profile.Concepts.Count, profile.Aliases.Count);
            for (var i = 0; i < n; i++)
            {
                var concept = profile.Concepts[i];
                if (_featurizer.Mask.IsMasked(concept))
                {
                    continue;
                }

                _featurizer.WordsOfAlias(concept, profile.Aliases[i], _conceptLabelKey[concept], words);
            }

            scratch.WordsOf = profile;
        }

        keys.Clear();
        foreach (var (w, key) in words)
        {
            if (w == word && !keys.Contains(key))
            {
                keys.Add(key);
            }
        }
    }

    /// <summary>An extra column's reason: its name, with the level for a categorical one ("Store: paris").</summary>
    private static ReasonSubject ColumnReason(ColumnSubject column) =>
        new(ReasonSubjectKind.Column, null, column.Level is null ? column.Column : column.Column + ": " + column.Level);

    /// <summary>The subject of <paramref name="key"/>, with the client's value of its column when it is a number or a date ("Duration: 60 min").</summary>
    private ReasonSubject WithValue(int key, ClientProfile profile)
    {
        var subject = _keySubject[key];
        if (_keyValueColumn[key] is not { } name || profile.Columns is not { } cols || cols.IndexOf(name) is not (>= 0 and var c) || cols.Latest(c) is not { } value)
        {
            return subject;
        }

        return subject with { Value = Errors.Messages.Truncate(value, Defaults.ReasonValueLength) };
    }
    /// <summary>How long a phrase reads: a Han, Kana or Hangul character says as much as two letters.</summary>
    private static int ShownLength(string phrase) => phrase.Sum(c => Text.TextFolder.IsUnspacedScript(c) ? 2 : 1);

    /// <summary>The reason subject a fact or history column speaks for; none for a missing flag (nothing to act on).</summary>
    private static ReasonSubject? Subject(FeatureSubject subject) => subject switch
    {
        FactSubject { Fact: FactColumn.BudgetLowK or FactColumn.BudgetHighK or FactColumn.BudgetMidK or FactColumn.BudgetOpenEnded } =>
            new ReasonSubject(ReasonSubjectKind.Budget),
        FactSubject { Fact: FactColumn.Age } => new ReasonSubject(ReasonSubjectKind.Age),
        HistorySubject { Measure: HistoryColumn.NoteCount } => new ReasonSubject(ReasonSubjectKind.MeetingCount),
        HistorySubject { Measure: HistoryColumn.DaysSinceLastNote or HistoryColumn.ContactSpanDays } => new ReasonSubject(ReasonSubjectKind.ContactRecency),
        // Purchase columns in three reasons a reader knows (how often, how recently, how much): a forest splits its
        // credit among such correlated columns, so apart each would read weak or with the other's sign.
        PurchaseSubject { Measure: PurchaseColumn.NoPurchase or PurchaseColumn.PurchaseDays or PurchaseColumn.Frequency
            or PurchaseColumn.BtydExpectedPurchases or PurchaseColumn.BtydPurchaseWithinHorizon or PurchaseColumn.BtydPurchaseWithinChurn } =>
            new ReasonSubject(ReasonSubjectKind.PurchaseCount),
        PurchaseSubject { Measure: PurchaseColumn.MonetaryValue or PurchaseColumn.TotalSpend or PurchaseColumn.SpendTrend
            or PurchaseColumn.BtydExpectedSpend or PurchaseColumn.BtydClv } => new ReasonSubject(ReasonSubjectKind.Spend),
        PurchaseSubject => new ReasonSubject(ReasonSubjectKind.PurchaseRecency),
        _ => null,
    };
}
