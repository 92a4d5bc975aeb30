using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clientele.Core.Errors;
using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Profiles;
using Clientele.Core.Tests.Fixtures;
using Clientele.Core.Training;
using Clientele.Core.Training.Forest;
using Clientele.Core.Training.Learners;

namespace Clientele.Core.Tests.Contracts;

/// <summary>
/// Every fitted stage under the contract: the featurizer of each tier, every learner of <see cref="LearnerRegistry"/>
/// on a binary and a regression target (a newly registered learner is covered without touching this file), the Platt
/// calibrator and the vote weights.
/// </summary>
public static class Stages
{
    /// <summary>File extensions whose saved form carries its own format version, and how to age it by one.</summary>
    private static readonly Dictionary<string, Func<byte[], byte[]>> SelfVersioned = new(StringComparer.Ordinal)
    {
        // CLFOREST magic, then the version as a little-endian int.
        ["forest"] = bytes => Patch(bytes, 8, ForestModel.FormatVersion + 1),
        ["json"] = NewerJson,
    };

    /// <summary>
    /// File extensions versioned by the bundle instead (<see cref="Bundles.ModelBundle.FormatVersion"/>): ML.NET's zip
    /// keeps its own per-component versions inside, and Clientele's bytes must stay as ML.NET writes them.
    /// </summary>
    public static readonly IReadOnlySet<string> BundleVersioned = new HashSet<string>(StringComparer.Ordinal) { "zip" };

    /// <summary>All stages.</summary>
    public static IEnumerable<FittedStage> All()
    {
        yield return Featurizer(Tier.Fast);
        yield return Featurizer(Tier.Elite);
        foreach (var learner in LearnerRegistry.All)
        {
            yield return Learner(learner, Target.Purchased);
            yield return Learner(learner, Target.LifetimeValue);
        }

        yield return Platt();
        yield return Votes();
    }

    /// <summary>A learner's fitted member: probe predictions (then out-of-bag outputs, when it has them).</summary>
    public static FittedStage Learner(ILearner learner, Target target)
    {
        var probe = Table(target, 60, seed: 99).Rows;
        return new FittedStage<FeatureTable, LearnerFit>(
            $"learner {learner.Name} ({Targets.Name(target)})",
            () => Table(target, 240, seed: 17),
            (table, seed) => learner.Fit(table, target, new LearnerContext(Tier.Elite, seed, 2, Balanced: false, KeepOutOfBag: true)),
            fit =>
            {
                var output = new double[probe.Length];
                fit.Member.Predict(probe, output);
                return [.. output, .. fit.OutOfBag ?? []];
            },
            table => Digest(table.Rows.SelectMany(r => r).Concat(table.Labels)))
        {
            Save = fit => Bytes(fit.Member.Save),
            // Out-of-bag outputs exist at training time only; they are carried over so the outputs compare whole.
            Load = (fit, bytes) => new LearnerFit(Load(learner, bytes, target, fit.Member.Scaling), fit.OutOfBag),
            Newer = Extension(learner, target) is var ext && SelfVersioned.TryGetValue(ext, out var age) ? age : null,
            BadInput = () =>
            {
                var e = Assert.Throws<ClienteleInputException>(() => Load(learner, "not a saved member"u8.ToArray(), target, LabelScaling.Identity));
                Assert.Contains(Messages.BundleDamaged, e.Message, StringComparison.Ordinal);
            },
        };
    }

    /// <summary>The extension of the learner's saved member (fitted on a tiny table to ask it).</summary>
    public static string Extension(ILearner learner, Target target) =>
        learner.Fit(Table(target, 120, seed: 5), target, new LearnerContext(Tier.Fast, 1, 1, Balanced: false, KeepOutOfBag: false)).Member.FileExtension;

    /// <summary>The extensions whose version the contract can age directly.</summary>
    public static bool IsSelfVersioned(string extension) => SelfVersioned.ContainsKey(extension);

    private static FittedStage Featurizer(Tier tier)
    {
        var lexicon = TestData.Lexicon();
        var probe = TestData.Profiles(40, seed: 9, lexicon: lexicon);
        return new FittedStage<IReadOnlyList<ClientProfile>, Featurizer>(
            $"featurizer ({tier.ToString().ToLowerInvariant()})",
            () => TestData.Profiles(150, lexicon: lexicon),
            (profiles, _) => FeaturizerOptions.For(tier).Fit(profiles, lexicon),
            featurizer => FeatureMatrix.Build(featurizer, probe, null).SelectMany(r => r).Select(v => (double)v).ToArray(),
            profiles => JsonSerializer.Serialize(profiles))
        {
            Save = featurizer => Bytes(featurizer.Save),
            Load = (featurizer, bytes) => Clientele.Core.Features.Featurizer.Load(new MemoryStream(bytes), featurizer.Lexicon),
            Newer = NewerJson,
            BadInput = () => Assert.Throws<ClienteleInputException>(() => Clientele.Core.Features.Featurizer.Load(new MemoryStream("{ not json"u8.ToArray()), lexicon)),
        };
    }

    // No saved form of its own: A and B are the platt_a / platt_b of a bundle's member entry.
    private static FittedStage Platt()
    {
        float[] probe = [-3f, -1f, -0.2f, 0f, 0.4f, 1.5f, 4f];
        return new FittedStage<(float[] Scores, float[] Labels), PlattCalibrator>(
            "platt calibrator",
            () =>
            {
                var random = new Random(11);
                var scores = Enumerable.Range(0, 500).Select(_ => (float)((random.NextDouble() * 6) - 3)).ToArray();
                return (scores, scores.Select(s => random.NextDouble() < 1 / (1 + Math.Exp(-2 * s)) ? 1f : 0f).ToArray());
            },
            (data, _) => PlattCalibrator.Fit(data.Scores, data.Labels),
            platt => probe.Select(s => platt.Apply(s)).ToArray(),
            data => Digest(data.Scores.Concat(data.Labels)))
        {
            BadInput = () => Assert.Throws<ArgumentException>(() => PlattCalibrator.Fit(new float[3], new float[4])),
        };
    }

    // No saved form of its own: each weight is the weight of a bundle's member entry.
    private static FittedStage Votes() =>
        new FittedStage<(double[][] Outputs, float[] Labels), double[]>(
            "vote weights",
            () =>
            {
                var random = new Random(12);
                var labels = Enumerable.Range(0, 300).Select(_ => random.NextDouble() < 0.3 ? 1f : 0f).ToArray();
                var outputs = new[] { 0.1, 0.3, 0.6 }.Select(noise => labels.Select(y => Math.Clamp(y + ((random.NextDouble() - 0.5) * 2 * noise), 0.01, 0.99)).ToArray()).ToArray();
                return (outputs, labels);
            },
            (data, _) => VoteWeights.Fit(data.Outputs, data.Labels, binary: true),
            weights => weights,
            data => Digest(data.Outputs.SelectMany(o => o).Select(v => (float)v).Concat(data.Labels)))
        {
            BadInput = () => Assert.Throws<ArgumentException>(() => VoteWeights.Fit([new double[3], new double[4]], new float[3], binary: true)),
        };

    private static ITrainedMember Load(ILearner learner, byte[] bytes, Target target, LabelScaling scaling) =>
        LearnerRegistry.Load(learner, new MemoryStream(bytes), target, scaling, "contract", "member");

    /// <summary>Rows with signal in the first two features; 0/1 labels for binary targets, a positive amount for CLV.</summary>
    private static FeatureTable Table(Target target, int n, int seed)
    {
        var random = new Random(seed);
        var rows = new float[n][];
        var labels = new float[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = Enumerable.Range(0, 10).Select(j => j < 6 ? (float)random.NextDouble() : random.Next(4) == 0 ? 1f : 0f).ToArray();
            var signal = (2 * rows[i][0]) - rows[i][1] + (0.5 * rows[i][6]);
            labels[i] = Targets.IsBinary(target)
                ? random.NextDouble() < 1 / (1 + Math.Exp(-3 * (signal - 0.5))) ? 1f : 0f
                : (float)(1000 + (800 * signal) + (100 * random.NextDouble()));
        }

        return new FeatureTable(rows, labels, 10);
    }

    private static byte[] Bytes(Action<Stream> save)
    {
        using var stream = new MemoryStream();
        save(stream);
        return stream.ToArray();
    }

    private static byte[] Patch(byte[] bytes, int offset, int value)
    {
        var copy = (byte[])bytes.Clone();
        BitConverter.TryWriteBytes(copy.AsSpan(offset, 4), value);
        return copy;
    }

    private static byte[] NewerJson(byte[] bytes)
    {
        var node = JsonNode.Parse(bytes)!.AsObject();
        node["format_version"] = node["format_version"]!.GetValue<int>() + 1;
        return JsonSerializer.SerializeToUtf8Bytes(node);
    }

    private static string Digest(IEnumerable<float> values) =>
        Convert.ToHexString(SHA256.HashData(values.SelectMany(BitConverter.GetBytes).ToArray()));
}
