namespace Clientele.Core.Training;

/// <summary>
/// How the two classes of a purchase or churn label weigh in training. Either way the probabilities a model returns
/// are recalibrated to the real rates (Platt scaling on out-of-sample outputs), so a score still means what it says.
/// </summary>
public enum ClassWeighting
{
    /// <summary>Every client counts once (the default: the labels' own balance).</summary>
    None,

    /// <summary>
    /// The rarer class is weighted up to the size of the other (scikit-learn's <c>class_weight="balanced"</c>), so a
    /// rare outcome (3 % churn) shapes the trees and the linear fit as much as the common one.
    /// </summary>
    Balanced,
}
