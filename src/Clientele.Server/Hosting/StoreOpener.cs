using Clientele.Storage.Store;

namespace Clientele.Server.Hosting;

/// <summary>Opens the store the options name: the host's own factory when given, otherwise the connection string.</summary>
public static class StoreOpener
{
    public static IClienteleStore Open(ServerOptions options)
    {
        if (options.StoreFactory is { } factory)
        {
            return factory();
        }

        // TODO(storage): StoreFactory.Open(options.ConnectionString) once the storage branch lands on main.
        throw new InvalidOperationException("no store implementation is available in this build; set ServerOptions.StoreFactory");
    }
}
