using Clientele.Core.Features;
using Clientele.Core.Training.Learners;

namespace Clientele.Core.Training;

/// <summary>How to train: tier, seed, cross-validation folds (0 = none), the date recency is measured to.</summary>
public sealed record TrainingOptions
{
    public Tier Tier { get; init; } = Tier.Fast;

    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>Class weights for the binary targets (CLV is unaffected).</summary>
    public ClassWeighting ClassWeights { get; init; } = ClassWeighting.None;

    /// <summary>k of k-fold cross-validation on all labelled clients, reported as mean ± sd; 0 skips it.</summary>
    public int Folds { get; init; }

    public DateOnly? AsOf { get; init; }

    /// <summary>Parallel tasks (targets × members); each ML.NET trainer itself runs on one thread.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Clients trained on, at most: past this many, a seeded sample of this many (in file order) is featurized, fitted
    /// and measured, and the report says so (default <see cref="Defaults.TrainingMaxClients"/>).
    /// </summary>
    public int MaxClients { get; init; } = Defaults.TrainingMaxClients;

    /// <summary>Training clients from which one out-of-fold split fits the vote weights (smaller in tests, to cross it on few clients).</summary>
    internal int OneOutOfFoldSplitFrom { get; init; } = Defaults.OneOutOfFoldSplitFrom;

    /// <summary>True when trained with transactions (the features have the purchase block; Elite gains the BTYD member).</summary>
    public bool Purchases { get; init; }

    /// <summary>Overrides of the extra columns' types and use (<c>--ignore-column</c>, <c>--column-type</c>, <c>--force-column</c>).</summary>
    public Columns.ColumnOverrides Columns { get; init; } = Clientele.Core.Columns.ColumnOverrides.None;

    /// <summary>The notes file the extra columns come from, named in errors about them.</summary>
    public string ColumnSource { get; init; } = "notes";
    /// <summary>How the segment cut points are set on the training population (saved in the bundle).</summary>
    public Scoring.SegmentOptions Segments { get; init; } = new();
    /// <summary>
    /// True to let special-category concepts and words (health, religion) into the features and reasons; recorded
    /// in the bundle. False by default: they stay out of models.
    /// </summary>
    public bool IncludeSensitive { get; init; }

    /// <summary>False to train without the text channel (the notes' own words): for measuring what it adds.</summary>
    public bool TextChannel { get; init; } = true;

    /// <summary>What the tier trains (its members and feature blocks).</summary>
    public TierRecipe Recipe => TierRecipe.For(Tier, Purchases);
}
