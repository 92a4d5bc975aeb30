using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Clientele.Core.Errors;
using Clientele.Core.Features.Blocks;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;

namespace Clientele.Core.Features;

/// <summary>
/// A fitted featurizer: turns a <see cref="ClientProfile"/> into a dense vector of <see cref="FeatureCount"/>
/// floats exactly as at training time. Saved in the model bundle with a format version.
/// </summary>
public sealed class Featurizer
{
    /// <summary>
    /// Version written by this build. 3 added the column schema (absent when the training file had no extra
    /// column), the text channel's vocabulary and the sensitivity mask: a build that reads only up to 2 would drop
    /// those blocks, so it is told the bundle is newer. 4 added the transaction column schema (absent when the
    /// transactions had no categorical extra column); a version 3 bundle loads without that block.
    /// </summary>
    public const int FormatVersion = 4;

    /// <summary>Oldest version this build reads.</summary>
    public const int OldestReadableVersion = 1;

    private readonly IFeatureBlock[] _blocks;
    private readonly int[] _offsets;
    private readonly int[] _widths;
    private readonly WordBlock? _wordBlock;
    private readonly int _wordOffset;
    private readonly SensitivityMask _mask;

    internal Featurizer(FeaturizerOptions options, ConceptLexicon lexicon, Term[] terms, string[][] pairs, DateOnly? asOf, Word[] words,
        AliasWords? aliasWords = null, History.BtydState? purchases = null, Columns.ColumnSchema? columns = null, TextGram[]? grams = null,
        Columns.ColumnSchema? purchaseColumns = null)
    {
        Options = options;
        Grams = grams ?? [];
        _mask = SensitivityMask.For(lexicon, options.IncludeSensitive);
        Lexicon = lexicon;
        Terms = terms;
        Pairs = pairs;
        AsOf = asOf;
        Words = words;
        Purchases = purchases;
        ColumnSchema = columns;
        PurchaseColumns = purchaseColumns;
        _wordBlock = words.Length > 0 ? new WordBlock(words, aliasWords, lexicon) : null;
        // The row's column order, which the saved feature names pin: a tier's options choose which blocks it has.
        List<IFeatureBlock> blocks = [new TermBlock(terms, options.MaxNgram, lexicon), new CategoryBlock(lexicon), new StatisticBlock(), new FactBlock(), new HistoryBlock(), new PairBlock(pairs, lexicon)];
        if (options.DiversityFeatures)
        {
            blocks.Add(new DiversityBlock());
        }

        _wordOffset = blocks.Sum(b => b.Columns.Count);
        if (_wordBlock is not null)
        {
            blocks.Add(_wordBlock);
        }

        if (Grams.Length > 0)
        {
            blocks.Add(new TextBlock(Grams));
        }

        // Last, so a model trained without transactions keeps every column where it was.
        if (purchases is not null)
        {
            blocks.Add(new PurchaseBlock(purchases));
        }

        // After every other block, so a model trained on a file without extra columns keeps its columns where they were.
        if (columns is not null)
        {
            blocks.Add(new ColumnBlock(columns));
        }

        // After the notes' columns, so a model trained on transactions without extra columns keeps every column where it was.
        if (purchaseColumns is not null)
        {
            blocks.Add(new PurchaseColumnBlock(purchaseColumns));
        }

        _blocks = blocks.ToArray();
        _offsets = new int[_blocks.Length];
        _widths = _blocks.Select(b => b.Columns.Count).ToArray();
        var features = new List<FeatureInfo>();
        for (var b = 0; b < _blocks.Length; b++)
        {
            _offsets[b] = features.Count;
            features.AddRange(_blocks[b].Columns);
        }

        Features = features;
    }

    public FeaturizerOptions Options { get; }

    public ConceptLexicon Lexicon { get; }

    /// <summary>Contact recency is measured up to this date when scoring does not give one.</summary>
    public DateOnly? AsOf { get; }

    public IReadOnlyList<FeatureInfo> Features { get; }

    /// <summary>The BTYD parameters and windows fitted at training when the model was trained with transactions; null otherwise.</summary>
    public History.BtydState? Purchases { get; }

    public int FeatureCount => Features.Count;

    /// <summary>The extra columns of the training file, typed and fitted (levels, leakage); null when it had none.</summary>
    public Columns.ColumnSchema? ColumnSchema { get; }

    /// <summary>The extra columns of the training transactions, typed and fitted (levels); null when they had none or the model has no purchases.</summary>
    public Columns.ColumnSchema? PurchaseColumns { get; }

    internal Term[] Terms { get; }

    internal string[][] Pairs { get; }

    internal Word[] Words { get; }

    /// <summary>The text channel's grams (empty: no text channel).</summary>
    internal TextGram[] Grams { get; }

    /// <summary>The sensitivity mask the features were made with (nothing masked when the training included sensitive data).</summary>
    public SensitivityMask Mask => _mask;

    /// <summary>The index in <see cref="Words"/> of feature <paramref name="feature"/>, or -1 when it is not a word.</summary>
    internal int WordOf(int feature) => feature >= _wordOffset && feature < _wordOffset + Words.Length ? feature - _wordOffset : -1;

    /// <summary>Adds (index in <see cref="Words"/>, <paramref name="key"/>) for each vocabulary word of alias <paramref name="alias"/> of concept <paramref name="concept"/>.</summary>
    internal void WordsOfAlias(int concept, int alias, int key, List<(int Word, int Key)> output) => _wordBlock?.WordsOfAlias(concept, alias, key, output);

    /// <summary>Writes the features of <paramref name="profile"/> into <paramref name="destination"/> (length <see cref="FeatureCount"/>).</summary>
    // Optimised at first JIT: scoring runs this per note or row, and tiered JIT took ~15 scoring calls to promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Transform(ClientProfile profile, DateOnly? asOf, Span<float> destination, Dictionary<ulong, int>? scratch = null) =>
        Transform(profile, null, asOf, destination, scratch);

    /// <summary>
    /// As <see cref="Transform(ClientProfile, DateOnly?, Span{float}, Dictionary{ulong, int}?)"/>, with the client's
    /// purchases (read by the purchase block, when the model has one; only days up to the as-of date).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Transform(ClientProfile profile, History.ClientPurchases? purchases, DateOnly? asOf, Span<float> destination, Dictionary<ulong, int>? scratch = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (destination.Length < FeatureCount)
        {
            throw new ArgumentException($"destination holds {destination.Length} values; {FeatureCount} needed", nameof(destination));
        }

        destination[..FeatureCount].Clear();
        var (concepts, aliases) = Unmasked(profile);
        var row = new FeatureRow(profile, asOf ?? AsOf, scratch ?? new Dictionary<ulong, int>(), ConceptTally.Of(concepts), purchases, concepts, aliases);
        for (var b = 0; b < _blocks.Length; b++)
        {
            _blocks[b].Write(row, destination.Slice(_offsets[b], _widths[b]));
        }
    }

    /// <summary>The profile's concepts and aliases the mask lets through: the profile's own lists when nothing is masked in it.</summary>
    internal (List<int> Concepts, List<int> Aliases) Unmasked(ClientProfile profile)
    {
        var concepts = profile.Concepts;
        var masked = false;
        if (_mask.Count > 0)
        {
            foreach (var c in concepts)
            {
                if (_mask.IsMasked(c))
                {
                    masked = true;
                    break;
                }
            }
        }

        if (!masked)
        {
            return (concepts, profile.Aliases);
        }

        var keptConcepts = new List<int>(concepts.Count);
        var keptAliases = new List<int>(concepts.Count);
        for (var i = 0; i < concepts.Count; i++)
        {
            if (!_mask.IsMasked(concepts[i]))
            {
                keptConcepts.Add(concepts[i]);
                keptAliases.Add(i < profile.Aliases.Count ? profile.Aliases[i] : 0);
            }
        }

        return (keptConcepts, keptAliases);
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
            Purchases = Purchases is null ? null : PurchasesJson(Purchases),
            Columns = ColumnSchema is null ? null : Json(ColumnSchema.Save),
            PurchaseColumns = PurchaseColumns is null ? null : Json(PurchaseColumns.Save),
            MaxTextGrams = Options.MaxTextGrams,
            IncludeSensitive = Options.IncludeSensitive,
            TextGrams = Grams.Select(g => new TextGramState(g.Parts, g.Idf)).ToArray(),
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
            MaxWords = state.MaxWords, MaxTextGrams = state.MaxTextGrams,
            // Before version 3 nothing was masked: such a model keeps seeing the sensitive concepts it was trained on.
            IncludeSensitive = state.FormatVersion < 3 || state.IncludeSensitive,
        };
        // Version 1 had no word features: it loads with none, so its models see exactly the columns they were trained on.
        var words = (state.Words ?? []).Select(w => new Word(w.Text, w.Idf)).ToArray();
        var purchases = state.Purchases is { } p ? History.BtydState.Load(p, source) : null;
        var columns = state.Columns is { } c ? Columns.ColumnSchema.Load(c, source) : null;
        var grams = (state.TextGrams ?? []).Select(g => new TextGram(g.Parts, g.Idf)).ToArray();
        // Before version 4 there was no transaction column block: such a bundle loads with none.
        var purchaseColumns = state.PurchaseColumns is { } pc ? Columns.ColumnSchema.Load(pc, source) : null;
        var featurizer = new Featurizer(options, lexicon, state.Terms.Select(t => new Term(t.Concepts, t.Idf)).ToArray(), state.Pairs, state.AsOf, words, null, purchases, columns, grams,
            purchaseColumns);
        if (!featurizer.Features.Select(x => x.Name).SequenceEqual(state.FeatureNames))
        {
            throw new ClienteleInputException(source, null, null, Messages.BundleDamaged + ": feature names do not match the saved ones");
        }

        return featurizer;
    }

    /// <summary>This featurizer with the purchase block of <paramref name="purchases"/> appended (training from transactions).</summary>
    public Featurizer WithPurchases(History.BtydState purchases) => new(Options, Lexicon, Terms, Pairs, AsOf, Words, null, purchases, ColumnSchema, Grams, PurchaseColumns);

    /// <summary>This featurizer with the column block of <paramref name="columns"/> appended (a training file with extra columns).</summary>
    public Featurizer WithColumns(Columns.ColumnSchema columns) => new(Options, Lexicon, Terms, Pairs, AsOf, Words, null, Purchases, columns, Grams, PurchaseColumns);

    /// <summary>This featurizer with the transaction column block of <paramref name="columns"/> appended (transactions with extra columns).</summary>
    public Featurizer WithPurchaseColumns(Columns.ColumnSchema columns) => new(Options, Lexicon, Terms, Pairs, AsOf, Words, null, Purchases, ColumnSchema, Grams, columns);

    private static JsonElement PurchasesJson(History.BtydState purchases) => Json(purchases.Save);

    private static JsonElement Json(Action<Utf8JsonWriter> save)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            save(w);
        }

        using var doc = JsonDocument.Parse(buffer.ToArray());
        return doc.RootElement.Clone();
    }

    /// <summary>The lexicon index of concept <paramref name="id"/>; a saved state naming a concept the lexicon lacks is refused.</summary>
    internal static int Require(ConceptLexicon lexicon, string id)
    {
        var i = lexicon.IndexOf(id);
        return i >= 0 ? i : throw new ClienteleInputException("featurizer.json", null, null, $"concept '{id}' is not in the lexicon; " + Messages.LexiconMismatch);
    }

    internal sealed record Term(string[] Concepts, float Idf);

    internal sealed record TermState(string[] Concepts, float Idf);

    internal sealed record Word(string Text, float Idf);

    internal sealed record WordState(string Text, float Idf);

    /// <summary>A gram of the text channel: its tokens' folded texts and its idf on the training clients.</summary>
    internal sealed record TextGram(string[] Parts, float Idf)
    {
        /// <summary>How the gram reads: words with a space between them, characters without.</summary>
        public string Display => Parts.Length > 0 && Parts[0].Length == 1 && Text.TextFolder.IsUnspacedScript(Parts[0][0])
            ? string.Concat(Parts) : string.Join(' ', Parts);
    }

    internal sealed record TextGramState(string[] Parts, float Idf);

    internal sealed record State(int FormatVersion, Tier Tier, int MaxNgram, int MaxTerms, int MinDocumentFrequency, double MaxDocumentShare,
        int CooccurrencePairs, bool DiversityFeatures, string LexiconFingerprint, DateOnly? AsOf, TermState[] Terms, string[][] Pairs, string[] FeatureNames)
    {
        /// <summary>Absent in version 1.</summary>
        public int MaxWords { get; init; }

        /// <summary>Absent in version 1.</summary>
        public WordState[]? Words { get; init; }

        /// <summary>The BTYD parameters (their own format version inside); absent unless trained with transactions.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public JsonElement? Purchases { get; init; }

        /// <summary>The column schema (its own format version inside); absent unless the training file had extra columns (version 3).</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public JsonElement? Columns { get; init; }

        /// <summary>The transaction column schema (its own format version inside); absent before version 4 and when the transactions had no extra column.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public JsonElement? PurchaseColumns { get; init; }

        /// <summary>Absent before version 3.</summary>
        public int MaxTextGrams { get; init; }

        /// <summary>Absent before version 3 (which masked nothing).</summary>
        public bool IncludeSensitive { get; init; }

        /// <summary>The text channel's vocabulary; absent before version 3.</summary>
        public TextGramState[]? TextGrams { get; init; }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Featurizer.State))]
internal sealed partial class StateJson : JsonSerializerContext;
