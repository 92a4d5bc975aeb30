using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Clientele.Core.Errors;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;

namespace Clientele.Core.Features;

/// <summary>
/// A fitted featurizer: turns a <see cref="ClientProfile"/> into a dense vector of <see cref="FeatureCount"/>
/// floats exactly as at training time. Saved in the model bundle with a format version.
/// </summary>
public sealed class Featurizer
{
    /// <summary>Version written by this build.</summary>
    public const int FormatVersion = 2;

    /// <summary>Oldest version this build reads.</summary>
    public const int OldestReadableVersion = 1;

    private static readonly string[] Stats = ["concept_count", "distinct_concepts", "text_length", "distinct_ratio", "concepts_per_100_chars", "long_alias_ratio"];
    private static readonly string[] FactNames = ["budget_low_k", "budget_high_k", "budget_mid_k", "budget_missing", "budget_open_ended", "age", "age_missing"];
    private static readonly string[] HistoryNames = ["note_count", "days_since_last_note", "contact_span_days", "date_missing"];
    private static readonly string[] DiversityNames = ["concept_entropy", "most_frequent_count", "singleton_concepts", "repeated_concepts"];

    private readonly Dictionary<ulong, int> _termIndex = [];
    private readonly (int A, int B)[] _pairIndices;
    private readonly int[] _categoryOfConcept;
    private readonly int _categoryOffset;
    private readonly int _statOffset;
    private readonly int _factOffset;
    private readonly int _historyOffset;
    private readonly int _pairOffset;
    private readonly int _diversityOffset;
    private readonly int _wordOffset;
    private readonly AliasWords? _aliasWords;
    private readonly int[] _vocabularyOfWord = [];   // alias-word id → index in Words, or -1

    internal Featurizer(FeaturizerOptions options, ConceptLexicon lexicon, Term[] terms, string[][] pairs, DateOnly? asOf, Word[] words,
        AliasWords? aliasWords = null)
    {
        Options = options;
        Lexicon = lexicon;
        Terms = terms;
        Pairs = pairs;
        AsOf = asOf;
        Words = words;
        if (words.Length > 0)
        {
            _aliasWords = aliasWords ?? new AliasWords(lexicon);
            _vocabularyOfWord = new int[_aliasWords.Texts.Length];
            Array.Fill(_vocabularyOfWord, -1);
            for (var w = 0; w < words.Length; w++)
            {
                // A saved word the lexicon no longer has cannot occur; the fingerprint check already guards the lexicon.
                if (_aliasWords.IdOf.TryGetValue(words[w].Text, out var id))
                {
                    _vocabularyOfWord[id] = w;
                }
            }
        }

        _categoryOfConcept = lexicon.Concepts.Select(c => IndexOfCategory(c.Category)).ToArray();
        var features = new List<FeatureInfo>();
        Span<int> gram = stackalloc int[3];
        for (var t = 0; t < terms.Length; t++)
        {
            var ids = terms[t].Concepts;
            for (var i = 0; i < ids.Length; i++)
            {
                gram[i] = Require(lexicon, ids[i]);
            }

            _termIndex[NgramKey.Pack(gram[..ids.Length])] = t;
            features.Add(new FeatureInfo("term:" + string.Join(' ', ids), FeatureKind.Term, ids, string.Join(" + ", ids.Select(id => lexicon.Concepts[lexicon.IndexOf(id)].Label))));
        }

        _categoryOffset = features.Count;
        features.AddRange(ConceptCategory.All.Select(c => new FeatureInfo("category:" + c, FeatureKind.Category, [], c.Replace('_', ' '))));
        // Presence flags beside the counts: the linear member cannot bend a count into "has it or not".
        features.AddRange(ConceptCategory.All.Select(c => new FeatureInfo("has:" + c, FeatureKind.Category, [], c.Replace('_', ' '))));
        _statOffset = features.Count;
        features.AddRange(Stats.Select(s => new FeatureInfo("stat:" + s, FeatureKind.Statistic, [], s.Replace('_', ' '))));
        _factOffset = features.Count;
        features.AddRange(FactNames.Select(s => new FeatureInfo("fact:" + s, FeatureKind.Fact, [], s.StartsWith("budget", StringComparison.Ordinal) ? "stated budget" : "age")));
        _historyOffset = features.Count;
        features.AddRange(HistoryNames.Select(s => new FeatureInfo("history:" + s, FeatureKind.History, [], s == "note_count" ? "number of meetings" : "recency of contact")));
        _pairOffset = features.Count;
        _pairIndices = pairs.Select(p => (Require(lexicon, p[0]), Require(lexicon, p[1]))).ToArray();
        features.AddRange(pairs.Select(p => new FeatureInfo("pair:" + p[0] + "&" + p[1], FeatureKind.Pair, p,
            lexicon.Concepts[lexicon.IndexOf(p[0])].Label + " & " + lexicon.Concepts[lexicon.IndexOf(p[1])].Label)));
        _diversityOffset = features.Count;
        if (options.DiversityFeatures)
        {
            features.AddRange(DiversityNames.Select(s => new FeatureInfo("diversity:" + s, FeatureKind.Diversity, [], "variety of topics")));
        }

        _wordOffset = features.Count;
        features.AddRange(words.Select(w => new FeatureInfo("word:" + w.Text, FeatureKind.Word, [], w.Text)));

        Features = features;
    }

    public FeaturizerOptions Options { get; }

    public ConceptLexicon Lexicon { get; }

    /// <summary>Contact recency is measured up to this date when scoring does not give one.</summary>
    public DateOnly? AsOf { get; }

    public IReadOnlyList<FeatureInfo> Features { get; }

    public int FeatureCount => Features.Count;

    internal Term[] Terms { get; }

    internal string[][] Pairs { get; }

    internal Word[] Words { get; }

    /// <summary>The index in <see cref="Words"/> of feature <paramref name="feature"/>, or -1 when it is not a word.</summary>
    internal int WordOf(int feature) => feature >= _wordOffset && feature < _wordOffset + Words.Length ? feature - _wordOffset : -1;

    /// <summary>Adds (index in <see cref="Words"/>, <paramref name="key"/>) for each vocabulary word of alias <paramref name="alias"/> of concept <paramref name="concept"/>.</summary>
    internal void WordsOfAlias(int concept, int alias, int key, List<(int Word, int Key)> output)
    {
        if (_aliasWords is null)
        {
            return;
        }

        foreach (var id in _aliasWords.Of(concept, alias))
        {
            if (_vocabularyOfWord[id] is var w and >= 0)
            {
                output.Add((w, key));
            }
        }
    }

    /// <summary>Writes the features of <paramref name="profile"/> into <paramref name="destination"/> (length <see cref="FeatureCount"/>).</summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Transform(ClientProfile profile, DateOnly? asOf, Span<float> destination, Dictionary<ulong, int>? scratch = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (destination.Length < FeatureCount)
        {
            throw new ArgumentException($"destination holds {destination.Length} values; {FeatureCount} needed", nameof(destination));
        }

        destination[..FeatureCount].Clear();
        var counts = scratch ?? new Dictionary<ulong, int>();
        counts.Clear();
        NgramKey.Count(profile.Concepts, Options.MaxNgram, counts);
        double norm = 0;
        foreach (var (key, count) in counts)
        {
            if (_termIndex.TryGetValue(key, out var t))
            {
                var v = (float)((1.0 + Math.Log(count)) * Terms[t].Idf);
                destination[t] = v;
                norm += v * v;
            }
        }

        if (norm > 0)
        {
            var inv = (float)(1.0 / Math.Sqrt(norm));
            for (var t = 0; t < Terms.Length; t++)
            {
                destination[t] *= inv;
            }
        }

        var concepts = profile.Concepts;
        var longAliases = 0;
        var categories = ConceptCategory.All.Count;
        foreach (var c in concepts)
        {
            destination[_categoryOffset + _categoryOfConcept[c]] += 1;
            destination[_categoryOffset + categories + _categoryOfConcept[c]] = 1;
        }

        longAliases = profile.LongAliasCount;

        var distinctCount = 0;
        var maxCount = 0;
        var singletons = 0;
        var repeated = 0;
        double entropy = 0;
        if (concepts.Count > 0)
        {
            var byConcept = new Dictionary<int, int>();
            foreach (var c in concepts)
            {
                byConcept[c] = byConcept.GetValueOrDefault(c) + 1;
            }

            distinctCount = byConcept.Count;
            foreach (var k in byConcept.Values)
            {
                var share = (double)k / concepts.Count;
                entropy -= share * Math.Log(share);
                maxCount = Math.Max(maxCount, k);
                singletons += k == 1 ? 1 : 0;
                repeated += k > 2 ? 1 : 0;
            }

            for (var p = 0; p < _pairIndices.Length; p++)
            {
                if (byConcept.ContainsKey(_pairIndices[p].A) && byConcept.ContainsKey(_pairIndices[p].B))
                {
                    destination[_pairOffset + p] = 1;
                }
            }
        }

        var n = Math.Max(concepts.Count, 1);
        var s = destination[_statOffset..];
        s[0] = concepts.Count;
        s[1] = distinctCount;
        s[2] = profile.TextLength;
        s[3] = (float)distinctCount / n;
        s[4] = profile.TextLength > 0 ? 100f * concepts.Count / profile.TextLength : 0;
        s[5] = (float)longAliases / n;

        var f = destination[_factOffset..];
        var facts = profile.Facts;
        if (facts.BudgetLowK is { } low)
        {
            var high = facts.BudgetHighK ?? low;
            f[0] = low;
            f[1] = high;
            f[2] = (low + high) / 2;
        }
        else
        {
            f[3] = 1;
        }

        f[4] = facts.BudgetOpenEnded ? 1 : 0;
        if (facts.Age is { } age)
        {
            f[5] = age;
        }
        else
        {
            f[6] = 1;
        }

        var h = destination[_historyOffset..];
        h[0] = profile.NoteCount;
        var reference = asOf ?? AsOf;
        if (profile.LastDate is { } last && reference is { } r)
        {
            h[1] = Math.Max(0, r.DayNumber - last.DayNumber);
            h[2] = profile.FirstDate is { } first ? last.DayNumber - first.DayNumber : 0;
        }
        else
        {
            h[3] = 1;
        }

        if (Options.DiversityFeatures)
        {
            var d = destination[_diversityOffset..];
            d[0] = (float)entropy;
            d[1] = maxCount;
            d[2] = singletons;
            d[3] = repeated;
        }

        if (_aliasWords is not null)
        {
            TransformWords(profile, destination.Slice(_wordOffset, Words.Length));
        }
    }

    /// <summary>
    /// TF-IDF of the matched aliases' words, sublinear and L2-normalised like the concept terms. Three passes over the
    /// client's matches instead of a dictionary: counts go into the (cleared) block, each distinct word's count is
    /// turned into its weight once (stored negated to mark it done; weights are positive), then signs are restored
    /// and normalised.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TransformWords(ClientProfile profile, Span<float> destination)
    {
        var concepts = profile.Concepts;
        var aliases = profile.Aliases;
        var n = Math.Min(concepts.Count, aliases.Count);
        var words = _aliasWords!;
        var vocabulary = _vocabularyOfWord;
        for (var i = 0; i < n; i++)
        {
            foreach (var id in words.Of(concepts[i], aliases[i]))
            {
                if (vocabulary[id] is var w and >= 0)
                {
                    destination[w] += 1;
                }
            }
        }

        double norm = 0;
        for (var i = 0; i < n; i++)
        {
            foreach (var id in words.Of(concepts[i], aliases[i]))
            {
                if (vocabulary[id] is var w and >= 0 && destination[w] > 0)
                {
                    var v = (float)((1.0 + Math.Log(destination[w])) * Words[w].Idf);
                    destination[w] = -v;
                    norm += v * v;
                }
            }
        }

        var inv = norm > 0 ? (float)(1.0 / Math.Sqrt(norm)) : 0f;
        for (var i = 0; i < n; i++)
        {
            foreach (var id in words.Of(concepts[i], aliases[i]))
            {
                if (vocabulary[id] is var w and >= 0 && destination[w] < 0)
                {
                    destination[w] = -destination[w] * inv;
                }
            }
        }
    }

    /// <summary>Saves the fitted state (not the lexicon: only its fingerprint) as JSON.</summary>
    public void Save(Stream stream)
    {
        var state = new State(FormatVersion, Options.Tier, Options.MaxNgram, Options.MaxTerms, Options.MinDocumentFrequency,
            Options.MaxDocumentShare, Options.CooccurrencePairs, Options.DiversityFeatures, Lexicon.Fingerprint, AsOf,
            Terms.Select(t => new TermState(t.Concepts, t.Idf)).ToArray(), Pairs, Features.Select(x => x.Name).ToArray())
        {
            MaxWords = Options.MaxWords,
            Words = Words.Select(w => new WordState(w.Text, w.Idf)).ToArray(),
        };
        JsonSerializer.Serialize(stream, state, StateJson.Default.State);
    }

    /// <summary>Loads a saved featurizer and binds it to <paramref name="lexicon"/>, which must be the one it was fitted with.</summary>
    public static Featurizer Load(Stream stream, ConceptLexicon lexicon, string source = "featurizer.json")
    {
        State? state;
        try
        {
            state = JsonSerializer.Deserialize(stream, StateJson.Default.State);
        }
        catch (JsonException e)
        {
            throw new ClienteleInputException(source, null, null, Messages.BundleDamaged + ": " + e.Message, e);
        }

        if (state is null)
        {
            throw new ClienteleInputException(source, null, null, Messages.BundleDamaged);
        }

        if (state.FormatVersion < OldestReadableVersion || state.FormatVersion > FormatVersion)
        {
            throw new ClienteleInputException(source, null, null, Messages.BundleVersion(state.FormatVersion, OldestReadableVersion, FormatVersion));
        }

        if (!string.Equals(state.LexiconFingerprint, lexicon.Fingerprint, StringComparison.Ordinal))
        {
            throw new ClienteleInputException(source, null, null, Messages.LexiconMismatch);
        }

        var options = new FeaturizerOptions
        {
            Tier = state.Tier, MaxNgram = state.MaxNgram, MaxTerms = state.MaxTerms, MinDocumentFrequency = state.MinDocumentFrequency,
            MaxDocumentShare = state.MaxDocumentShare, CooccurrencePairs = state.CooccurrencePairs, DiversityFeatures = state.DiversityFeatures,
            MaxWords = state.MaxWords,
        };
        // Version 1 had no word features: it loads with none, so its models see exactly the columns they were trained on.
        var words = (state.Words ?? []).Select(w => new Word(w.Text, w.Idf)).ToArray();
        var featurizer = new Featurizer(options, lexicon, state.Terms.Select(t => new Term(t.Concepts, t.Idf)).ToArray(), state.Pairs, state.AsOf, words);
        if (!featurizer.Features.Select(x => x.Name).SequenceEqual(state.FeatureNames))
        {
            throw new ClienteleInputException(source, null, null, Messages.BundleDamaged + ": feature names do not match the saved ones");
        }

        return featurizer;
    }

    private static int IndexOfCategory(string category)
    {
        for (var i = 0; i < ConceptCategory.All.Count; i++)
        {
            if (ConceptCategory.All[i] == category)
            {
                return i;
            }
        }

        return ConceptCategory.All.Count - 1;
    }

    private static int Require(ConceptLexicon lexicon, string id)
    {
        var i = lexicon.IndexOf(id);
        return i >= 0 ? i : throw new ClienteleInputException("featurizer.json", null, null, $"concept '{id}' is not in the lexicon; " + Messages.LexiconMismatch);
    }

    internal sealed record Term(string[] Concepts, float Idf);

    internal sealed record TermState(string[] Concepts, float Idf);

    internal sealed record Word(string Text, float Idf);

    internal sealed record WordState(string Text, float Idf);

    internal sealed record State(int FormatVersion, Tier Tier, int MaxNgram, int MaxTerms, int MinDocumentFrequency, double MaxDocumentShare,
        int CooccurrencePairs, bool DiversityFeatures, string LexiconFingerprint, DateOnly? AsOf, TermState[] Terms, string[][] Pairs, string[] FeatureNames)
    {
        /// <summary>Absent in version 1.</summary>
        public int MaxWords { get; init; }

        /// <summary>Absent in version 1.</summary>
        public WordState[]? Words { get; init; }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Featurizer.State))]
internal sealed partial class StateJson : JsonSerializerContext;
