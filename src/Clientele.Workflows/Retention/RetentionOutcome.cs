namespace Clientele.Workflows.Retention;

/// <summary>
/// What a retention pass deleted (or would delete, in a dry run): notes, predictions, model versions by name, and the
/// bundle folders removed from the models directory (those of the deleted versions, and orphans no version references).
/// </summary>
public sealed record RetentionOutcome(bool DryRun, int Notes, int Predictions, IReadOnlyList<string> Versions, IReadOnlyList<string> BundleFolders)
{
    /// <summary>One line for a run record or the console; counts and version names only, never content.</summary>
    public string Summary() =>
        $"{(DryRun ? "would delete" : "deleted")} {Notes:N0} notes, {Predictions:N0} predictions, {Versions.Count:N0} model versions, {BundleFolders.Count:N0} bundle folders";
}
