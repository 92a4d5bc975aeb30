namespace Clientele.Core.Bundles;

/// <summary>Where a bundle's parts are written: the edge decides (a temporary directory renamed at the end, a zip, memory).</summary>
public interface IBundleSink
{
    Stream Create(string name);
}

/// <summary>Where a bundle's parts are read from.</summary>
public interface IBundleSource
{
    bool Exists(string name);

    Stream Open(string name);
}

/// <summary>An in-memory bundle (tests, the API's uploads, hot swaps).</summary>
public sealed class MemoryBundle : IBundleSink, IBundleSource
{
    private readonly Dictionary<string, byte[]> _parts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Parts => _parts;

    public Stream Create(string name) => new Part(this, name);

    public bool Exists(string name) => _parts.ContainsKey(name);

    public Stream Open(string name) => _parts.TryGetValue(name, out var bytes) ? new MemoryStream(bytes, writable: false) : throw new FileNotFoundException(name);

    private sealed class Part(MemoryBundle owner, string name) : MemoryStream
    {
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                owner._parts[name] = ToArray();
            }

            base.Dispose(disposing);
        }
    }
}
