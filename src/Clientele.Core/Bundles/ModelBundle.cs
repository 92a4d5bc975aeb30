using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Clientele.Core.Errors;
using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using Clientele.Core.Training;
using Clientele.Core.Training.Learners;

namespace Clientele.Core.Bundles;

/// <summary>
/// Everything needed to score: the lexicon, the fitted featurizer, one saved part per target member (written
/// and read by its learner, see <see cref="LearnerRegistry"/>), and metadata. No code and no pickles: the
/// forest's binary, ML.NET zips, JSON and CSV, each checked against a SHA-256.
/// </summary>
public sealed class ModelBundle
{
    /// <summary>
    /// Version written by this build (2: members carry their vote weight, a version-1 member reads as weight 1;
    /// 3: segment cut points fitted on the training population, a version-1 or 2 bundle scores with the fixed rule).
    /// </summary>
    public const int FormatVersion = 3;

    /// <summary>Oldest version this build reads.</summary>
    public const int OldestReadableVersion = 1;

    public const string MetadataFile = "metadata.json";
    public const string LexiconFile = "lexicon.csv";
    public const string FeaturizerFile = "featurizer.json";

    /// <summary>
    /// The compiled concept matcher of the bundle's lexicon (<see cref="Concepts.ConceptMatcher.Save"/>): loading it
    /// takes a fraction of building it. Optional: a bundle without it, or whose part another build of Clientele wrote,
    /// builds the matcher (same matches).
    /// </summary>
    public const string MatcherFile = "matcher.bin";

    /// <summary>The part with the keyed hashes of the clients the bundle was trained on; read only by evaluation.</summary>
    public const string TrainedOnFile = "trained_on.txt";

    // Source-generated (BundleMetadataJson): reflection-based metadata for these types took ~40 ms of every load.
    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<BundleMetadata> Json = BundleMetadataJson.Default.BundleMetadata;

    private readonly Lazy<Concepts.ConceptMatcher> _matcher;

    public ModelBundle(Featurizer featurizer, IReadOnlyDictionary<Target, TargetModel> models, BundleMetadata metadata)
        : this(featurizer, models, metadata, null)
    {
    }

    private ModelBundle(Featurizer featurizer, IReadOnlyDictionary<Target, TargetModel> models, BundleMetadata metadata, Lazy<Concepts.ConceptMatcher>? matcher)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        Featurizer = featurizer;
        Models = models;
        Metadata = metadata;
        _matcher = matcher ?? new Lazy<Concepts.ConceptMatcher>(() => Concepts.ConceptMatcher.Build(featurizer.Lexicon));
    }

    /// <summary>
    /// The concept matcher of the bundle's lexicon, built once. <see cref="Load"/> starts building it on a pool thread
    /// as soon as the lexicon is read, so that it is ready when the models are: a short scoring run would otherwise
    /// wait for one after the other (measured in docs/BENCHMARKS.md, "predict 2,000").
    /// </summary>
    public Concepts.ConceptMatcher Matcher => _matcher.Value;

    public ConceptLexicon Lexicon => Featurizer.Lexicon;

    public Featurizer Featurizer { get; }

    public IReadOnlyDictionary<Target, TargetModel> Models { get; }

    public BundleMetadata Metadata { get; }

    /// <summary>The clients the bundle was trained on (keyed hashes), when known at save; loading leaves it null (see <see cref="LoadTrainedOn"/>).</summary>
    public TrainingMembers? TrainedOn { get; init; }

    public Tier Tier => Featurizer.Options.Tier;

    /// <summary>The segment cut points of this bundle: fitted at training, or the fixed rule for a bundle older than format 3.</summary>
    public Scoring.SegmentRule Segments => Metadata.Segments ?? Scoring.SegmentRule.Fixed;

    /// <summary>The running tool's version, written into every bundle.</summary>
    public static string ToolVersion =>
        typeof(ModelBundle).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Builds a bundle from a training result.</summary>
    /// <param name="trained">The fitted featurizer and models.</param>
    /// <param name="seed">The training's seed.</param>
    /// <param name="dataFingerprint">The fingerprint of the training's input data.</param>
    /// <param name="report">The training report as JSON.</param>
    /// <param name="createdAt">When the bundle was made.</param>
    /// <param name="trainedOn">The ids of the training's clients, kept only as keyed hashes so evaluation can report overlap.</param>
    public static ModelBundle FromTraining(TrainedModel trained, int seed, string dataFingerprint, System.Text.Json.Nodes.JsonObject report, DateTimeOffset createdAt,
        IEnumerable<string>? trainedOn = null)
    {
        var members = trained.Models.SelectMany(kv => kv.Value.Members.Select(m => new MemberEntry(
            Targets.Name(kv.Key), m.Name, $"{Targets.Name(kv.Key)}.{m.Name}.{m.Model.FileExtension}",
            m.Calibration.IsIdentity ? null : m.Calibration.A, m.Calibration.IsIdentity ? null : m.Calibration.B, m.Model.Scaling.Mean, m.Model.Scaling.Scale, m.Weight))).ToList();
        var metadata = new BundleMetadata
        {
            FormatVersion = FormatVersion,
            Tier = trained.Featurizer.Options.Tier.ToString().ToLowerInvariant(),
            CreatedAt = createdAt,
            ToolVersion = ToolVersion,
            Seed = seed,
            DataFingerprint = dataFingerprint,
            LexiconName = trained.Featurizer.Lexicon.Name,
            LexiconFingerprint = trained.Featurizer.Lexicon.Fingerprint,
            FeatureCount = trained.Featurizer.FeatureCount,
            FeatureNames = trained.Featurizer.Features.Select(f => f.Name).ToList(),
            Members = members,
            Segments = trained.Segments,
            IncludesSensitive = trained.Featurizer.Options.IncludeSensitive,
            Report = report,
            TrainedOnFile = trainedOn is null ? null : TrainedOnFile,
        };
        return new ModelBundle(trained.Featurizer, trained.Models, metadata)
        {
            TrainedOn = trainedOn is null ? null : TrainingMembers.Of(trainedOn, dataFingerprint, seed),
        };
    }

    /// <summary>Writes every part, metadata last (its checksums cover the others).</summary>
    public void Save(IBundleSink sink)
    {
        var checksums = new Dictionary<string, string>(StringComparer.Ordinal);
        void Write(string name, Action<Stream> body)
        {
            using var buffer = new MemoryStream();
            body(buffer);
            checksums[name] = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
            using var part = sink.Create(name);
            part.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
        }

        Write(LexiconFile, s =>
        {
            using var w = new StreamWriter(s, new UTF8Encoding(false), leaveOpen: true);
            LexiconCsvWriter.Write(Lexicon, w);
        });
        Write(FeaturizerFile, Featurizer.Save);
        Write(MatcherFile, Matcher.Save);
        foreach (var entry in Metadata.Members)
        {
            var target = Targets.Parse(entry.Target)!.Value;
            var member = Models[target].Members.First(m => m.Name.Equals(entry.Kind, StringComparison.OrdinalIgnoreCase));
            Write(entry.File, member.Model.Save);
        }

        if (TrainedOn is { } trainedOn && Metadata.TrainedOnFile is { } file)
        {
            Write(file, trainedOn.Save);
        }

        var metadata = Metadata with { Checksums = checksums };
        using var meta = sink.Create(MetadataFile);
        JsonSerializer.Serialize(meta, metadata, Json);
    }

    /// <summary>Loads and verifies a bundle; any damage or version mismatch is a clear <see cref="ClienteleInputException"/>.</summary>
    public static ModelBundle Load(IBundleSource source, string name = "bundle") => Open(source, name).Finish();

    /// <summary>
    /// Reads and verifies the metadata, the lexicon and the matcher's part, so the caller can read notes while the
    /// featurizer and the models are read (<see cref="BundleOpening.Finish"/>, which reports their damage the same way).
    /// </summary>
    public static BundleOpening Open(IBundleSource source, string name = "bundle")
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.Exists(MetadataFile))
        {
            throw new ClienteleInputException(name, null, null, Messages.BundleMissingPart(MetadataFile));
        }

        BundleMetadata metadata;
        try
        {
            using var s = source.Open(MetadataFile);
            metadata = JsonSerializer.Deserialize(s, Json) ?? throw new JsonException("empty");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            throw new ClienteleInputException(name, null, null, Messages.BundleDamaged + $" ({MetadataFile}: {e.Message})", e);
        }

        if (metadata.FormatVersion < OldestReadableVersion || metadata.FormatVersion > FormatVersion)
        {
            throw new ClienteleInputException(name, null, null, Messages.BundleVersion(metadata.FormatVersion, OldestReadableVersion, FormatVersion));
        }

        metadata.Segments?.Checked(name);
        return new BundleOpening(source, name, metadata);
    }

    /// <summary>The bundle of a finished <see cref="BundleOpening"/>.</summary>
    internal static ModelBundle Loaded(Featurizer featurizer, IReadOnlyDictionary<Target, TargetModel> models, BundleMetadata metadata, Lazy<Concepts.ConceptMatcher> matcher) =>
        new(featurizer, models, metadata, matcher);

    /// <summary>
    /// The clients a loaded bundle was trained on, checked against its checksum; null for a bundle that predates
    /// the record. Apart from <see cref="Load"/> so that scoring never reads a part only evaluation needs.
    /// </summary>
    public static TrainingMembers? LoadTrainedOn(IBundleSource source, BundleMetadata metadata, string name = "bundle")
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.TrainedOnFile is not { } file)
        {
            return null;
        }

        return TrainingMembers.Load(new MemoryStream(ReadPart(source, metadata, name, file)), name + "/" + file);
    }

    /// <summary>The bytes of a part, checked against the metadata's checksum: a missing or altered part is a clear error naming it.</summary>
    internal static byte[] ReadPart(IBundleSource source, BundleMetadata metadata, string name, string part)
    {
        if (!source.Exists(part))
        {
            throw new ClienteleInputException(name, null, null, Messages.BundleMissingPart(part));
        }

        using var s = source.Open(part);
        using var m = new MemoryStream();
        s.CopyTo(m);
        var bytes = m.ToArray();
        if (!metadata.Checksums.TryGetValue(part, out var expected) || !string.Equals(expected, Convert.ToHexStringLower(SHA256.HashData(bytes)), StringComparison.Ordinal))
        {
            throw new ClienteleInputException(name, null, null, Messages.BundleChecksum(part));
        }

        return bytes;
    }
}
