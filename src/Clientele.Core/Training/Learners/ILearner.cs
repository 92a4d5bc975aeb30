using Clientele.Core.Labels;

namespace Clientele.Core.Training.Learners;

/// <summary>
/// One kind of ensemble member (forest, boosting, linear, …): an options object that <see cref="Fit"/>s a
/// <see cref="ITrainedMember"/> on a feature table for one target, and reads a saved member back. Registered once
/// in <see cref="LearnerRegistry"/>, which the trainer, the target model and the bundle all go through.
/// </summary>
public interface ILearner
{
    /// <summary>
    /// Stable lower-case name: the <c>kind</c> of a bundle's member entry and the middle of its file name
    /// (<c>purchased.forest.forest</c>), so it must never change once bundles carry it.
    /// </summary>
    string Name { get; }

    /// <summary>
    /// True when <see cref="Fit"/> can return out-of-sample outputs of its own training rows (the forest's
    /// out-of-bag predictions). Such a member needs no out-of-fold refits for the vote weights, and since those
    /// outputs are raw scores rather than probabilities, a binary member of this kind is always Platt-calibrated.
    /// </summary>
    bool ScoresOutOfBag => false;

    /// <summary>Fits one member for <paramref name="target"/> on <paramref name="table"/>.</summary>
    LearnerFit Fit(FeatureTable table, Target target, LearnerContext context);

    /// <summary>
    /// Reads a member written by <see cref="ITrainedMember.Save"/>. Throws on a damaged stream or a format version
    /// this build does not read; <see cref="LearnerRegistry.Load"/> turns that into a <see cref="Errors.ClienteleInputException"/>.
    /// </summary>
    ITrainedMember Load(Stream stream, Target target, LabelScaling scaling);
}
