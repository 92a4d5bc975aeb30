using Clientele.Core.Features;

namespace Clientele.Core.Training.Learners;

/// <summary>
/// What a tier trains: its feature blocks (<see cref="FeaturizerOptions.For"/>) and its members by learner name, in
/// vote order. The forest leads: it is the longest fit (scheduled first) and the member that explains scores.
/// Each learner picks its own tier-specific defaults from <see cref="LearnerContext.Tier"/>.
/// </summary>
public sealed record TierRecipe(Tier Tier, IReadOnlyList<string> Members)
{
    /// <summary>Fast: one random forest per target.</summary>
    public static TierRecipe Fast { get; } = new(Tier.Fast, ["forest"]);

    /// <summary>Elite: soft vote of forest, boosting and linear, weighted out of fold.</summary>
    public static TierRecipe Elite { get; } = new(Tier.Elite, ["forest", "boosting", "linear"]);

    /// <summary>Elite trained with transactions: the BG/NBD × Gamma-Gamma member joins the vote (its weight chosen out of fold, 0 to 1).</summary>
    public static TierRecipe EliteWithPurchases { get; } = new(Tier.Elite, ["forest", "boosting", "linear", "btyd"]);

    /// <summary>The recipe of <paramref name="tier"/>.</summary>
    public static TierRecipe For(Tier tier) => tier == Tier.Fast ? Fast : Elite;

    /// <summary>The recipe of <paramref name="tier"/>, with the BTYD member in Elite when trained with transactions.</summary>
    public static TierRecipe For(Tier tier, bool purchases) => tier == Tier.Elite && purchases ? EliteWithPurchases : For(tier);

    /// <summary>The featurizer settings of this tier.</summary>
    public FeaturizerOptions Features => FeaturizerOptions.For(Tier);

    /// <summary>The members' learners, from <see cref="LearnerRegistry"/>.</summary>
    public IReadOnlyList<ILearner> Learners => Members.Select(LearnerRegistry.Get).ToList();
}
