using Clientele.Core.Labels;
using Clientele.Core.Training.Learners;

namespace Clientele.Core.Tests.Contracts;

/// <summary>
/// The stage contract (issue 11, point 8), the same five checks for every fitted stage of <see cref="Stages"/>:
/// same seed ⇒ identical output; input not mutated; save → load ⇒ identical output; a newer format version refused
/// with a clear message; bad input ⇒ the documented error.
/// </summary>
public sealed class StageContractTests
{
    private const int Seed = 42;

    public static TheoryData<FittedStage> All => new(Stages.All());

    public static TheoryData<FittedStage> Saving => new(Stages.All().Where(s => s.Saves));

    /// <summary>Stages whose saved form has its own version; ML.NET zips are versioned by the bundle (see below).</summary>
    public static TheoryData<FittedStage> Versioned => new(Stages.All().Where(s => s.Versioned));

    [Theory]
    [MemberData(nameof(All))]
    public void Same_seed_gives_identical_output_and_the_input_is_not_mutated(FittedStage stage)
    {
        var (first, before, after) = stage.FitAndRun(Seed);
        var (second, _, _) = stage.FitAndRun(Seed);
        Assert.Equal(first, second);
        Assert.Equal(before, after);
    }

    [Theory]
    [MemberData(nameof(Saving))]
    public void Save_then_load_gives_identical_output(FittedStage stage)
    {
        var (fitted, loaded) = stage.RoundTrip(Seed);
        Assert.Equal(fitted, loaded);
    }

    [Theory]
    [MemberData(nameof(Versioned))]
    public void A_newer_format_version_is_refused_with_a_clear_message(FittedStage stage) => Expect.VersionRefused(() => stage.LoadNewer(Seed));

    [Theory]
    [MemberData(nameof(All))]
    public void Bad_input_gives_the_documented_error(FittedStage stage) => stage.FeedBadInput();

    [Fact]
    public void Every_learner_declares_how_its_format_is_versioned()
    {
        // A learner's part is either self-versioned (the contract ages it above) or an ML.NET zip, versioned by the
        // bundle's format_version (refused in TrainingTests.A_bundle_from_a_newer_format_is_refused).
        foreach (var learner in LearnerRegistry.All)
        {
            foreach (var target in new[] { Target.Purchased, Target.LifetimeValue })
            {
                var extension = LearnerStage.Extension(learner, target);
                Assert.True(StageBytes.IsSelfVersioned(extension) || StageBytes.BundleVersioned.Contains(extension),
                    $"{learner.Name} saves '.{extension}', a format the stage contract does not know how to version");
            }
        }
    }

    [Fact]
    public void Learner_names_are_unique_and_lower_case()
    {
        var names = LearnerRegistry.All.Select(l => l.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.Equal(n.ToLowerInvariant(), n));
    }
}
