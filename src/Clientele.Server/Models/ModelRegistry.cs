using Clientele.Core.Bundles;
using Clientele.Server.Hosting;
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
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private ModelSnapshot? _current;
    private ModelSnapshot[] _prepared = [];
    private ModelSnapshot[] _recent = [];
    private readonly HashSet<string> _unpreparable = new(StringComparer.Ordinal);

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

        // A version loaded ahead (replicas on a shared store, see Prepare) or served a moment ago is swapped in
        // without loading it again: a version's bundle never changes once registered.
        var snapshot = Loaded(version) ?? new ModelSnapshot(version, DirectoryBundleStore.Load(record.BundlePath));
        // One activation at a time, so the store's active flag and the snapshot always name the same version.
        lock (_activation)
        {
            if (!store.ActivateModelVersion(version))
            {
                return false;
            }

            Keep(Interlocked.Exchange(ref _current, snapshot), snapshot);
        }

        log.ModelActivated(version, snapshot.Bundle.Metadata.Tier);
        Announce(version);
        return true;
    }

    /// <summary>
    /// Serves the version the store marks active when it is not the one served (another replica activated it), loading
    /// its bundle from the path recorded with the version; the store is not written. Returns the version now served, or
    /// null when nothing changed (also when the active version is <paramref name="skip"/>, one that failed to load before).
    /// </summary>
    internal string? Follow(string? skip)
    {
        var active = store.ActiveModelVersion();
        if (active is null || active.Version == Current?.Version || active.Version == skip)
        {
            return null;
        }

        var snapshot = Loaded(active.Version);
        if (snapshot is null)
        {
            try
            {
                snapshot = new ModelSnapshot(active.Version, DirectoryBundleStore.Load(active.BundlePath));
            }
            catch (Exception e) when (e is Core.Errors.ClienteleInputException or IOException or UnauthorizedAccessException)
            {
                throw new FollowFailedException(active.Version, e);
            }
        }

        lock (_activation)
        {
            // Another activation may have happened while the bundle loaded: serve only what is still the active one.
            if (store.ActiveModelVersion()?.Version != active.Version)
            {
                return null;
            }

            Keep(Interlocked.Exchange(ref _current, snapshot), snapshot);
        }

        return active.Version;
    }

    /// <summary>
    /// Loads ahead the newest <paramref name="count"/> versions registered since this process started that it does not
    /// serve (trained on any replica), so that following an activation of one is a swap: loading a bundle and building
    /// its scorer and matcher took 1–4 s on a loaded machine, most of the 5 s an activation may take to reach every replica.
    /// A bundle that does not load is skipped (and reported when it is activated). Returns the versions loaded now.
    /// </summary>
    internal IReadOnlyList<string> Prepare(int count)
    {
        var served = Current?.Version;
        var wanted = store.ListModelVersions()
            .Where(v => v.CreatedAt >= _startedAt.AddMinutes(-1) && v.Version != served && !_unpreparable.Contains(v.Version))
            .OrderByDescending(v => v.CreatedAt)
            .Take(count)
            .ToList();
        var have = Volatile.Read(ref _prepared);
        var next = new List<ModelSnapshot>();
        var loaded = new List<string>();
        foreach (var v in wanted)
        {
            if (have.FirstOrDefault(p => p.Version == v.Version) is { } ready)
            {
                next.Add(ready);
                continue;
            }

            try
            {
                next.Add(new ModelSnapshot(v.Version, DirectoryBundleStore.Load(v.BundlePath)));
                loaded.Add(v.Version);
            }
            catch (Exception e) when (e is Core.Errors.ClienteleInputException or IOException or UnauthorizedAccessException)
            {
                _unpreparable.Add(v.Version);
            }
        }

        Volatile.Write(ref _prepared, [.. next]);
        return loaded;
    }

    private ModelSnapshot? Loaded(string version) =>
        Volatile.Read(ref _prepared).FirstOrDefault(p => p.Version == version)
        ?? Volatile.Read(ref _recent).FirstOrDefault(p => p.Version == version);

    /// <summary>Keeps the snapshot just replaced among the recent ones (newest first), under the activation lock.</summary>
    private void Keep(ModelSnapshot? replaced, ModelSnapshot now)
    {
        if (replaced is null || replaced.Version == now.Version)
        {
            return;
        }

        var recent = Volatile.Read(ref _recent).Where(r => r.Version != replaced.Version && r.Version != now.Version);
        Volatile.Write(ref _recent, [.. new[] { replaced }.Concat(recent).Take(Core.Defaults.ServerRecentVersions)]);
    }

    private void Announce(string version)
    {
        try
        {
            ReplicaSharing.Of(store)?.Announce(ReplicaSharing.ModelChannel, version);
        }
        catch (System.Data.Common.DbException e)
        {
            // The other replicas still find the activation at their next poll.
            log.ActivationNotAnnounced(version, e.Message);
        }
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
            log.NoModelAtStart(e.Message);
        }
    }
}
