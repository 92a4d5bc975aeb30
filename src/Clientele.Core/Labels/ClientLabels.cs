namespace Clientele.Core.Labels;

/// <summary>
/// Known outcomes of one client. Any may be missing. <see cref="TruePurchaseProbability"/> and
/// <see cref="ExpectedLifetimeValue"/> are set when the labels were generated (smart labels, synthetic
/// data) and give the best possible figures a model could reach.
/// </summary>
public sealed record ClientLabels(bool? Purchased, bool? Churned, double? LifetimeValue, double? TruePurchaseProbability = null, double? ExpectedLifetimeValue = null)
{
    /// <summary>
    /// The generating probability without its per-client noise draw (smart labels): the most any model can
    /// learn from the notes. "Best possible" also knows the noise, which no model can.
    /// </summary>
    public double? LearnablePurchaseProbability { get; init; }

    /// <summary>The generating churn probability when the labels give it (the maison scenario); otherwise churn's truth is 1 − 0.8p.</summary>
    public double? TrueChurnProbability { get; init; }

    /// <summary>The learnable part of a target's generating value, when known.</summary>
    public double? Learnable(Target t) => t switch
    {
        Target.Purchased => LearnablePurchaseProbability,
        Target.Churned => LearnablePurchaseProbability is { } p ? 1 - (0.8 * p) : null,
        _ => LearnablePurchaseProbability is null ? null : ExpectedLifetimeValue,
    };

    public double? Value(Target t) => t switch
    {
        Target.Purchased => Purchased is { } p ? (p ? 1 : 0) : null,
        Target.Churned => Churned is { } c ? (c ? 1 : 0) : null,
        _ => LifetimeValue,
    };

    /// <summary>The generating probability or expectation of a target, when known.</summary>
    public double? Truth(Target t) => t switch
    {
        Target.Purchased => TruePurchaseProbability,
        // Churn is drawn from 1 − 0.8p in the documented generative processes.
        Target.Churned => TrueChurnProbability ?? (TruePurchaseProbability is { } p ? 1 - (0.8 * p) : null),
        _ => ExpectedLifetimeValue,
    };
}
