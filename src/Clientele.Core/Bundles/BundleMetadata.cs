using System.Text.Json.Nodes;

namespace Clientele.Core.Bundles;

/// <summary>One saved learner of a target: its file and its calibration.</summary>
public sealed record MemberEntry(string Target, string Kind, string File, double? PlattA, double? PlattB, double LabelMean = 0, double LabelScale = 1, double Weight = 1);

/// <summary>
/// metadata.json of a bundle (DESIGN §8): format version, tier, creation time, tool version, seed, data
/// fingerprint, counts, label source, metrics, seconds per stage, feature names, members and a SHA-256
/// per part so a damaged bundle is refused.
/// </summary>
public sealed record BundleMetadata
{
    public int FormatVersion { get; init; }

    public required string Tier { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string ToolVersion { get; init; }

    public int Seed { get; init; }

    public required string DataFingerprint { get; init; }

    public required string LexiconName { get; init; }

    public required string LexiconFingerprint { get; init; }

    public int FeatureCount { get; init; }

    public IReadOnlyList<string> FeatureNames { get; init; } = [];

    public IReadOnlyList<MemberEntry> Members { get; init; } = [];

    public IReadOnlyDictionary<string, string> Checksums { get; init; } = new Dictionary<string, string>();

    /// <summary>The segment cut points fitted at training (format 3); null in older bundles, which score with <see cref="Scoring.SegmentRule.Fixed"/>.</summary>
    public Scoring.SegmentRule? Segments { get; init; }
    /// <summary>
    /// True when the training let special-category concepts and words (health, religion) into the features
    /// (<c>--include-sensitive</c>); false: they were kept out of the model and its reasons.
    /// </summary>
    public bool IncludesSensitive { get; init; }

    /// <summary>The bundle part holding the keyed hashes of the training's clients (<see cref="TrainingMembers"/>); null in bundles that predate it.</summary>
    public string? TrainedOnFile { get; init; }

    /// <summary>The training report as JSON (metrics, baseline, best possible, seconds, counts).</summary>
    public JsonObject? Report { get; init; }
}

/// <summary>The metadata's JSON, generated at build time (snake_case, indented, as the reflection-based writer wrote it).</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[System.Text.Json.Serialization.JsonSerializable(typeof(BundleMetadata))]
internal sealed partial class BundleMetadataJson : System.Text.Json.Serialization.JsonSerializerContext;
