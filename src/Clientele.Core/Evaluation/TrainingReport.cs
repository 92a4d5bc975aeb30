using Clientele.Core.Labels;
using Clientele.Core.Training;

namespace Clientele.Core.Evaluation;

/// <summary>What a training run did and measured; written into the bundle metadata and printed with --json.</summary>
public sealed class TrainingReport
{
    public required string Tier { get; init; }

    public required string LabelSource { get; init; }

    /// <summary>"none" or "balanced" (see <see cref="ClassWeighting"/>).</summary>
    public string ClassWeights { get; init; } = "none";

    public int Clients { get; init; }

    public int LabelledClients { get; init; }

    public int UnlabelledClients { get; init; }

    /// <summary>
    /// Clients the models were fitted and measured on when a seeded sample of <see cref="Clients"/> was drawn
    /// (<see cref="Training.TrainingOptions.MaxClients"/>); null when every client was used.
    /// </summary>
    public int? SampledClients { get; init; }

    public int FeatureCount { get; set; }

    public Dictionary<Target, TargetReport> Targets { get; } = [];

    /// <summary>The extra columns of the notes file, typed and fitted; null when it had none.</summary>
    public Columns.ColumnSchema? Schema { get; set; }

    /// <summary>The extra columns of the transactions, typed and fitted; null when trained without transactions or they had none.</summary>
    public Columns.ColumnSchema? PurchaseColumns { get; set; }

    /// <summary>
    /// Trained with transactions: BG/NBD (fitted up to the cutoff) checked on the purchases between the cutoff and the
    /// as-of date — per calibration frequency and week by week; null otherwise.
    /// </summary>
    public History.HoldoutCheck? Holdout { get; set; }

    /// <summary>Wall-clock seconds per stage (ingest, detect, features, train_purchased, ...).</summary>
    public Dictionary<string, double> Seconds { get; } = new(StringComparer.Ordinal);
}
