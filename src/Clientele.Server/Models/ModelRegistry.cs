using Clientele.Core.Bundles;
using Clientele.Storage.Files;
using Clientele.Storage.Store;
using Clientele.Workflows.Versions;

namespace Clientele.Server.Models;

/// <summary>
/// Holds the active model as one immutable <see cref="ModelSnapshot"/> behind a volatile reference. An
/// activation loads the new bundle completely first, then swaps the reference in one step: requests in
/// flight finish on the snapshot they took, new ones get the new model, none fails during a swap.
/// </summary>
public sealed class ModelRegistry(IClienteleStore store, ILogger<ModelRegistry> log)
{
    private readonly Lock _activation = new();
    private ModelSnapshot? _current;

    /// <summary>The active model, or null before any is active. Take it once per request.</summary>
    public ModelSnapshot? Current => Volatile.Read(ref _current);

    /// <summary>Loads the bundle of a registered version and makes it the active one.</summary>
    /// <returns>False when the version is unknown.</returns>
    public bool Activate(string version)
    {
        var record = store.ListModelVersions().FirstOrDefault(v => v.Version == version);
        if (record is null)
        {
            return false;
        }

        var bundle = DirectoryBundleStore.Load(record.BundlePath);
        // One activation at a time, so the store's active flag and the snapshot always name the same version.
        lock (_activation)
        {
            if (!store.ActivateModelVersion(version))
            {
                return false;
            }

            Interlocked.Exchange(ref _current, new ModelSnapshot(version, bundle));
        }

        log.LogInformation("Model version {Version} ({Tier}) is now active", version, bundle.Metadata.Tier);
        return true;
    }

    /// <summary>Registers a bundle already on disk as a version (not activated).</summary>
    public ModelVersionRecord Register(string version, string bundlePath, ModelBundle bundle)
    {
        var record = VersionRecords.Of(version, bundlePath, bundle);
        store.SaveModelVersion(record);
        return record;
    }

    /// <summary>
    /// At start: the configured bundle directory if any (registered under its <see cref="VersionName"/>), otherwise
    /// the version the store marks active. A failure is logged and the server starts without a model.
    /// </summary>
    public void LoadAtStart(string? modelDirectory)
    {
        try
        {
            if (!string.IsNullOrWhiteSpace(modelDirectory))
            {
                // A models directory stands for its current version: the record keeps that version's own directory.
                var bundleDirectory = ModelsDirectory.Resolve(modelDirectory);
                var bundle = DirectoryBundleStore.Load(bundleDirectory);
                var version = VersionName.Of(bundleDirectory);
                Register(version, bundleDirectory, bundle);
                Activate(version);
                return;
            }

            if (store.ActiveModelVersion() is { } active)
            {
                Activate(active.Version);
            }
        }
        catch (Exception e) when (e is Core.Errors.ClienteleInputException or IOException)
        {
            log.LogError("No model activated at start: {Reason}", e.Message);
        }
    }
}
