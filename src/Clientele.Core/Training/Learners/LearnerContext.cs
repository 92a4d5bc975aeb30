using Clientele.Core.Features;

namespace Clientele.Core.Training.Learners;

/// <summary>What a learner is fitted under, beside its data: the tier (whose defaults it picks), seed, threads, class weights.</summary>
/// <param name="Tier">The tier being trained; a learner may pick tier-specific defaults.</param>
/// <param name="Seed">Seed of everything random in the fit.</param>
/// <param name="Parallelism">Threads the learner may use (the ML.NET learners run on one, parallelism comes from running members side by side).</param>
/// <param name="Balanced">Weight the rarer class up (binary targets only; see <see cref="ClassWeighting"/>).</param>
/// <param name="KeepOutOfBag">Return out-of-bag outputs when the learner <see cref="ILearner.ScoresOutOfBag"/>.</param>
public sealed record LearnerContext(Tier Tier, int Seed, int Parallelism, bool Balanced, bool KeepOutOfBag);

/// <summary>A fitted member and, when asked and available, its out-of-bag output for every training row.</summary>
public sealed record LearnerFit(ITrainedMember Member, double[]? OutOfBag = null);

/// <summary>
/// A label standardisation a member learned on (SDCA converges on unit-scale targets): outputs are mapped back as
/// output · <see cref="Scale"/> + <see cref="Mean"/>. Kept in the bundle's member entry (<c>label_mean</c>, <c>label_scale</c>).
/// </summary>
public sealed record LabelScaling(double Mean, double Scale)
{
    /// <summary>No standardisation (mean 0, scale 1).</summary>
    public static LabelScaling Identity { get; } = new(0, 1);
}
