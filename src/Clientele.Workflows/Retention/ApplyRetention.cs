using Clientele.Storage.Store;

namespace Clientele.Workflows.Retention;

/// <summary>
/// One retention pass, the same from the scheduler and the command line: the store deletes expired notes, prediction
/// history and old versions in one transaction, then the bundle folders of those versions and any orphan folder in
/// the models directory (one no remaining version references) are removed. Folders outside the models directory (a
/// bundle the user wrote with <c>train --out</c>) are never touched: only their version record goes.
/// </summary>
public static class ApplyRetention
{
    /// <summary>Runs the pass at <paramref name="now"/>; <paramref name="modelsRoot"/> null leaves every folder alone.</summary>
    public static RetentionOutcome Run(IClienteleStore store, RetentionPolicy policy, string? modelsRoot, DateTimeOffset now, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(policy));
        }

        var deleted = store.ApplyRetention(policy.CutoffsAt(now), dryRun);
        var folders = new List<string>();
        if (modelsRoot is not null && Directory.Exists(modelsRoot))
        {
            var root = Path.GetFullPath(modelsRoot).TrimEnd(Path.DirectorySeparatorChar);
            var gone = deleted.Versions.Select(v => v.Version).ToHashSet(StringComparer.Ordinal);
            var kept = store.ListModelVersions().Where(v => !gone.Contains(v.Version)).Select(v => FullPath(v.BundlePath)).ToHashSet(StringComparer.Ordinal);
            var expired = deleted.Versions.Select(v => FullPath(v.BundlePath)).ToHashSet(StringComparer.Ordinal);
            var settled = now.AddMinutes(-Core.Defaults.OrphanBundleGraceMinutes).UtcDateTime;
            foreach (var dir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
            {
                var full = FullPath(dir);
                // Hidden names are a save's staging or backup folders: the next save of that bundle removes its own leftovers.
                // Only a bundle (its metadata.json) is an orphan: any other folder someone keeps there is theirs.
                var orphan = !Path.GetFileName(full).StartsWith('.') && Directory.GetLastWriteTimeUtc(full) <= settled
                    && File.Exists(Path.Combine(full, Core.Bundles.ModelBundle.MetadataFile));
                // A link may point anywhere: only real folders of the models directory are ever removed.
                if (new DirectoryInfo(full).LinkTarget is not null || kept.Contains(full) || !(expired.Contains(full) || orphan))
                {
                    continue;
                }

                folders.Add(Path.GetFileName(full));
                if (!dryRun)
                {
                    Directory.Delete(full, recursive: true);
                }
            }
        }

        return new RetentionOutcome(dryRun, deleted.Notes, deleted.Predictions, deleted.Versions.Select(v => v.Version).ToList(), folders);
    }

    private static string FullPath(string path) => Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
}
