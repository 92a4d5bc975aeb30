namespace Clientele.Core.Training.Learners;

/// <summary>
/// A fitted member of a target model: predicts rows, explains them where it can, and saves itself in a format
/// its learner's <see cref="ILearner.Load"/> reads back. Outputs are raw: calibration and the vote are the
/// target model's (<see cref="EnsembleMember"/>, <see cref="TargetModel"/>).
/// </summary>
public interface ITrainedMember
{
    /// <summary>The <see cref="ILearner.Name"/> of the learner that fitted it.</summary>
    string Name { get; }

    /// <summary>Extension of its bundle file (<c>forest</c>, <c>zip</c>, <c>json</c>): part of the saved name, never changed.</summary>
    string FileExtension { get; }

    /// <summary>Features each row must have.</summary>
    int FeatureCount { get; }

    /// <summary>The label standardisation saved beside it in the bundle (identity unless the learner standardises).</summary>
    LabelScaling Scaling => LabelScaling.Identity;

    /// <summary>True when <see cref="Contributions"/> explains rows (the forest).</summary>
    bool HasContributions => false;

    /// <summary>Predicts every row into <paramref name="output"/> (at least as long as <paramref name="rows"/>), in label units.</summary>
    void Predict(float[][] rows, Span<double> output);

    /// <summary>Per-feature contributions of one row into <paramref name="output"/> (<see cref="FeatureCount"/> long), when <see cref="HasContributions"/>.</summary>
    void Contributions(ReadOnlySpan<float> row, Span<float> output) => throw new NotSupportedException($"the {Name} member does not explain its predictions");

    /// <summary>Writes the member in its versioned format.</summary>
    void Save(Stream stream);
}
