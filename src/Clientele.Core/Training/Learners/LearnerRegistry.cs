using System.Diagnostics.CodeAnalysis;
using Clientele.Core.Errors;
using Clientele.Core.Labels;

namespace Clientele.Core.Training.Learners;

/// <summary>
/// Every learner Clientele can fit and load, by name: the trainer fits a tier's members through it, the bundle saves
/// and loads members through it. A new learner is one file implementing <see cref="ILearner"/> plus one line here.
/// </summary>
public static class LearnerRegistry
{
    private static readonly ILearner[] Registered =
    [
        new ForestLearner(),
        new BoostingLearner(),
        new LinearLearner(),
        new BtydLearner(),
    ];

    /// <summary>All registered learners, in registration order.</summary>
    public static IReadOnlyList<ILearner> All => Registered;

    /// <summary>The learner called <paramref name="name"/> (case-insensitive, as bundles always read it).</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out ILearner? learner)
    {
        learner = Registered.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
        return learner is not null;
    }

    /// <summary>The learner called <paramref name="name"/>; an unknown name is a programming error.</summary>
    public static ILearner Get(string name) =>
        TryGet(name, out var learner) ? learner : throw new ArgumentException($"no learner is registered as '{name}'", nameof(name));

    /// <summary>The learner a bundle's member entry names; an unknown name means a damaged (or newer) bundle.</summary>
    public static ILearner Resolve(string name, string source) =>
        TryGet(name, out var learner) ? learner : throw new ClienteleInputException(source, null, null, Messages.BundleDamaged + $" (unknown member '{name}')");

    /// <summary>
    /// Reads a member saved by <paramref name="learner"/>; a damaged part or a format version this build does not
    /// read is a <see cref="ClienteleInputException"/> naming <paramref name="part"/> of <paramref name="source"/>.
    /// </summary>
    public static ITrainedMember Load(ILearner learner, Stream stream, Target target, LabelScaling scaling, string source, string part)
    {
        try
        {
            return learner.Load(stream, target, scaling);
        }
        catch (Exception e) when (e is not ClienteleInputException)
        {
            throw new ClienteleInputException(source, null, null, Messages.BundleDamaged + $" ({part}: {e.Message})", e);
        }
    }
}
