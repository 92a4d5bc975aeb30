using Clientele.Core.Bundles;
using Clientele.Core.Errors;

namespace Clientele.Storage.Files;

/// <summary>
/// A directory that keeps every version trained into it: each training saves its bundle in a new
/// <c>DIR/&lt;version&gt;/</c> and then points <c>DIR/current</c> at it, so retraining never overwrites a version and
/// activating an old one always finds its bundle. Loading <c>DIR</c> loads the version <c>current</c> names; a
/// directory that is itself a bundle (no <c>current</c>) loads as it is.
/// </summary>
public static class ModelsDirectory
{
    /// <summary>The pointer file: one line, the name of the newest version's subdirectory.</summary>
    public const string CurrentFile = "current";

    /// <summary>The bundle directory <paramref name="directory"/> stands for: <c>DIR/&lt;current&gt;</c> when it has a pointer, else itself.</summary>
    /// <exception cref="ClienteleInputException">The pointer does not name a subdirectory.</exception>
    public static string Resolve(string directory)
    {
        var pointer = Path.Combine(directory, CurrentFile);
        if (!File.Exists(pointer))
        {
            return directory;
        }

        var name = File.ReadAllText(pointer).Trim();
        if (name.Length == 0 || name is "." or ".." || name != Path.GetFileName(name))
        {
            throw new ClienteleInputException(pointer, 1, 1, "expected the name of one version subdirectory on one line");
        }

        return Path.Combine(directory, name);
    }

    /// <summary>True when <paramref name="directory"/> is a single bundle saved without versions (metadata, no pointer).</summary>
    public static bool HoldsSingleBundle(string directory) =>
        File.Exists(Path.Combine(directory, ModelBundle.MetadataFile)) && !File.Exists(Path.Combine(directory, CurrentFile));

    /// <summary>Points <paramref name="directory"/> at the version saved in its subdirectory <paramref name="version"/> (replaced atomically).</summary>
    public static void Point(string directory, string version) =>
        AtomicFile.WriteText(Path.Combine(directory, CurrentFile), w => w.WriteLine(version));

    /// <summary>The versions kept in <paramref name="directory"/>: subdirectories holding a bundle, by name.</summary>
    public static IReadOnlyList<string> Versions(string directory) =>
        !Directory.Exists(directory)
            ? []
            : [.. Directory.GetDirectories(directory)
                .Where(d => File.Exists(Path.Combine(d, ModelBundle.MetadataFile)))
                .Select(Path.GetFileName)
                .OfType<string>()
                .Order(StringComparer.Ordinal)];
}
