using Clientele.Core.Features;
using Clientele.Core.Labels;
using Clientele.Core.Training;
using Clientele.Core.Training.Learners;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Clientele.Core.Tests.Training;

/// <summary>
/// The directly evaluated ML.NET members against ML.NET's own transform, on generated clients, for every
/// member kind and target, freshly trained and after a save/load round trip.
/// </summary>
public class CompiledMemberTests
{
    // Linear members sum in float lanes in another order than ML.NET's SIMD dot product; trees are exact.
    private const double RelativeTolerance = 1e-5;

    private static readonly Lazy<(TrainedModel Model, float[][] Rows)> Elite = new(() =>
    {
        var lexicon = TestData.Lexicon();
        var profiles = TestData.Profiles(400, lexicon: lexicon);
        var labels = SmartLabeler.Label(profiles, lexicon, 42);
        var trained = Trainer.Train(profiles, lexicon, labels, null, new TrainingOptions { Tier = Tier.Elite, Seed = 42 });
        var rows = FeatureMatrix.Build(trained.Featurizer, TestData.Profiles(300, seed: 9, lexicon: lexicon), null);
        return (trained, rows);
    });

    public static TheoryData<Target, string> Members() => new()
    {
        { Target.Purchased, "boosting" }, { Target.Purchased, "linear" },
        { Target.Churned, "boosting" }, { Target.Churned, "linear" },
        { Target.LifetimeValue, "boosting" }, { Target.LifetimeValue, "linear" },
    };

    [Theory]
    [MemberData(nameof(Members))]
    public void Direct_evaluation_equals_the_ml_net_transform(Target target, string kind)
    {
        var (trained, rows) = Elite.Value;
        var member = (MlNetMember)trained.Models[target].Members.Single(m => m.Name == kind).Model;
        AssertEquivalent(member.Model, rows, Targets.IsBinary(target), kind == "boosting", trained.Featurizer.FeatureCount);
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void Direct_evaluation_equals_the_ml_net_transform_after_save_and_load(Target target, string kind)
    {
        var (trained, rows) = Elite.Value;
        var member = (MlNetMember)trained.Models[target].Members.Single(m => m.Name == kind).Model;
        var ml = new MLContext(42);
        using var stream = new MemoryStream();
        ml.Model.Save(member.Model, null, stream);
        stream.Position = 0;
        var loaded = ml.Model.Load(stream, out _);
        AssertEquivalent(loaded, rows, Targets.IsBinary(target), kind == "boosting", trained.Featurizer.FeatureCount);
    }

    [Fact]
    public void Rows_with_missing_values_are_left_to_ml_net()
    {
        var (trained, rows) = Elite.Value;
        var model = trained.Models[Target.Purchased];
        var withNaN = rows.Take(20).Select(r => (float[])r.Clone()).ToArray();
        Array.Fill(withNaN[3], float.NaN);
        var ml = new MLContext(42);
        var view = FeatureTable.ToDataView(ml, withNaN, null, trained.Featurizer.FeatureCount);
        foreach (var member in model.Members.Where(m => m.Model is MlNetMember))
        {
            var transformer = ((MlNetMember)member.Model).Model;
            Assert.False(CompiledMember.For(transformer)!.TryScore(withNaN, new float[withNaN.Length]));
            var reference = transformer.Transform(view).GetColumn<float>("Probability").ToArray();
            var output = model.MemberOutput(member, withNaN);
            for (var i = 0; i < withNaN.Length; i++)
            {
                Assert.Equal(member.Calibration.Apply(reference[i]), output[i]);
            }
        }
    }

    private static void AssertEquivalent(ITransformer model, float[][] rows, bool binary, bool exact, int featureCount)
    {
        var compiled = CompiledMember.For(model);
        Assert.NotNull(compiled);
        Assert.Equal(binary, compiled.IsProbability);
        var direct = new float[rows.Length];
        Assert.True(compiled.TryScore(rows, direct));
        var view = FeatureTable.ToDataView(new MLContext(42), rows, null, featureCount);
        var reference = model.Transform(view).GetColumn<float>(binary ? "Probability" : "Score").ToArray();
        Assert.Equal(rows.Length, reference.Length);
        Assert.Contains(reference, v => v != reference[0]);
        for (var i = 0; i < rows.Length; i++)
        {
            if (exact)
            {
                Assert.Equal(reference[i], direct[i]);
            }
            else
            {
                // Relative to the value, but never tighter than on the unit scale: near 0 (a standardised CLV close to its
                // mean) only float summation order separates the two.
                Assert.True(Math.Abs(direct[i] - reference[i]) <= RelativeTolerance * Math.Max(1, Math.Abs(reference[i])),
                    $"row {i}: direct {direct[i]:R} vs ML.NET {reference[i]:R}");
            }
        }
    }
}
