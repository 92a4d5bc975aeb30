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

        return Storage.Store.StoreFactory.Open(options.ConnectionString, options.SqlitePath, Storage.Privacy.DataKeyRing.Configured(options.DataKeyFile));
    }
}
