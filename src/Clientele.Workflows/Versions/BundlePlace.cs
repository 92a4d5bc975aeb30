using Clientele.Core.Features;

namespace Clientele.Workflows.Versions;

/// <summary>
/// Where a trained bundle goes: a directory the user named (the CLI's <c>--out</c>), or a new version
/// directory under a models root (the server). Either way the version is named after that directory.
/// </summary>
public sealed class BundlePlace
{
    private readonly string? _directory;
    private readonly string? _root;

    private BundlePlace(string? directory, string? root)
    {
        _directory = directory;
        _root = root;
    }

    /// <summary>Exactly this directory (replaced atomically).</summary>
    public static BundlePlace At(string directory) => new(directory, null);

    /// <summary>A new version directory under <paramref name="modelsRoot"/>, named by <see cref="VersionName.New"/>.</summary>
    public static BundlePlace NewUnder(string modelsRoot) => new(null, modelsRoot);

    /// <summary>The directory for a bundle of <paramref name="tier"/> created at <paramref name="now"/>.</summary>
    public string Resolve(Tier tier, DateTimeOffset now) =>
        _directory ?? VersionName.DirectoryOf(_root!, VersionName.New(tier, now));
}
