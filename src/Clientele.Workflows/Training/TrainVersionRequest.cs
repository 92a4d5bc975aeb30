using Clientele.Workflows.Versions;

namespace Clientele.Workflows.Training;

/// <summary>A version to train: what to fit, the data fingerprint, where the bundle goes, and where (and how) it is recorded.</summary>
public sealed record TrainVersionRequest(TrainModelsRequest Training, string DataFingerprint, BundlePlace Place)
{
    /// <summary>Where the version is recorded; nowhere by default.</summary>
    public StoreAccess Store { get; init; } = StoreAccess.None;

    /// <summary>The run recorded with the version; null records the version alone.</summary>
    public TrainingRun? Run { get; init; }
}
