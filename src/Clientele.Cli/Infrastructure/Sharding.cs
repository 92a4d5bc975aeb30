namespace Clientele.Cli.Infrastructure;

/// <summary>Stable client → shard assignment (FNV-1a of the id), so n workers split the clients with no overlap.</summary>
public static class Sharding
{
    public static (int K, int N)? Parse(string text)
    {
        var parts = text.Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], out var k) && int.TryParse(parts[1], out var n) && n > 0 && k >= 0 && k < n ? (k, n) : null;
    }

    public static int ShardOf(string clientId, int n)
    {
        var hash = 2166136261u;
        foreach (var ch in clientId)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)(hash % (uint)n);
    }
}
