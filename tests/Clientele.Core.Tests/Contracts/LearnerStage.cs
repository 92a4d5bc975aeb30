using Clientele.Core.Labels;
using Clientele.Core.Training.Learners;

namespace Clientele.Core.Tests.Contracts;

/// <summary>A registered learner's fitted member under the stage contract, on a seeded feature table.</summary>
public static class LearnerStage
{
    /// <summary>A learner's fitted member: probe predictions (then out-of-bag outputs, when it has them).</summary>
    public static FittedStage Of(ILearner learner, Target target)
    {
        var probe = Table(target, 60, seed: 99).Rows;
        return new FittedStage<Core.Training.FeatureTable, LearnerFit>(
            $"learner {learner.Name} ({Targets.Name(target)})",
            () => Table(target, 240, seed: 17),
            (table, seed) => learner.Fit(table, target, new LearnerContext(Core.Features.Tier.Elite, seed, 2, Balanced: false, KeepOutOfBag: true)),
            fit =>
            {
                var output = new double[probe.Length];
                fit.Member.Predict(probe, output);
                return [.. output, .. fit.OutOfBag ?? []];
            },
            table => StageBytes.Digest(table.Rows.SelectMany(r => r).Concat(table.Labels)))
        {
            Save = fit => StageBytes.Of(fit.Member.Save),
            // Out-of-bag outputs exist at training time only; they are carried over so the outputs compare whole.
            Load = (fit, bytes) => new LearnerFit(Load(learner, bytes, target, fit.Member.Scaling), fit.OutOfBag),
            Newer = StageBytes.Ager(Extension(learner, target)),
            BadInput = () =>
            {
                var e = Assert.Throws<Errors.ClienteleInputException>(() => Load(learner, "not a saved member"u8.ToArray(), target, LabelScaling.Identity));
                Assert.Contains(Errors.Messages.BundleDamaged, e.Message, StringComparison.Ordinal);
            },
        };
    }

    /// <summary>The extension of the learner's saved member (fitted on a tiny table to ask it).</summary>
    public static string Extension(ILearner learner, Target target) =>
        learner.Fit(Table(target, 120, seed: 5), target, new LearnerContext(Core.Features.Tier.Fast, 1, 1, Balanced: false, KeepOutOfBag: false)).Member.FileExtension;

    private static ITrainedMember Load(ILearner learner, byte[] bytes, Target target, LabelScaling scaling) =>
        LearnerRegistry.Load(learner, new MemoryStream(bytes), target, scaling, "contract", "member");

    private static readonly string[] Names =
    [
        BtydLearner.Column(Target.Purchased), BtydLearner.Column(Target.Churned), BtydLearner.Column(Target.LifetimeValue),
        "f3", "f4", "f5", "f6", "f7", "f8", "f9",
    ];

    /// <summary>Rows with signal in the first two features; 0/1 labels for binary targets, a positive amount for CLV.</summary>
    private static Core.Training.FeatureTable Table(Target target, int n, int seed)
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

        // Named columns: the BTYD member reads its target's purchase-block column (the first three carry the signal).
        return new Core.Training.FeatureTable(rows, labels, 10) { Names = Names };
    }
}
