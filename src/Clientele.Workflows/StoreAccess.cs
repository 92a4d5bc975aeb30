using Clientele.Storage.Store;

namespace Clientele.Workflows;

/// <summary>
/// Where a workflow records its results: nowhere (<c>--no-store</c>), a store opened only when the workflow
/// reaches its recording step and closed right after (the CLI: a bad connection fails after the bundle is
/// safe on disk, as it always did), or a store the host owns and keeps open (the server).
/// </summary>
public sealed class StoreAccess
{
    private readonly Func<IClienteleStore>? _open;
    private readonly IClienteleStore? _shared;

    private StoreAccess(Func<IClienteleStore>? open, IClienteleStore? shared)
    {
        _open = open;
        _shared = shared;
    }

    /// <summary>Records nothing.</summary>
    public static StoreAccess None { get; } = new(null, null);

    /// <summary>False when nothing is recorded.</summary>
    public bool Records => _open is not null || _shared is not null;

    /// <summary>A store opened for each recording step and disposed after it.</summary>
    public static StoreAccess Opening(Func<IClienteleStore> open) => new(open, null);

    /// <summary>A store the caller owns: used as it is, never disposed here.</summary>
    public static StoreAccess Shared(IClienteleStore store) => new(null, store);

    /// <summary>Runs <paramref name="write"/> on the store, if there is one.</summary>
    public void Use(Action<IClienteleStore> write)
    {
        if (_shared is not null)
        {
            write(_shared);
        }
        else if (_open is not null)
        {
            using var store = _open();
            write(store);
        }
    }
}
