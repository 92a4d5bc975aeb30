using Clientele.Core.Text;

namespace Clientele.Cli.Infrastructure;

/// <summary>Stable client → shard assignment (<see cref="StableHash.Of32"/> of the id), so n workers split the clients with no overlap.</summary>
public static class Sharding
{
    public static (int K, int N)? Parse(string text)
    {
        var parts = text.Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], out var k) && int.TryParse(parts[1], out var n) && n > 0 && k >= 0 && k < n ? (k, n) : null;
    }

    public static int ShardOf(string clientId, int n) => (int)(StableHash.Of32(clientId) % (uint)n);
}
