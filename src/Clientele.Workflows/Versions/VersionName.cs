using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Clientele.Core.Features;

namespace Clientele.Workflows.Versions;

/// <summary>
/// The one naming rule of model versions, shared by the CLI, the server's registry and its jobs: <b>a version
/// is named after the directory its bundle lives in</b>. Every training gets a new directory named
/// <c>yyyyMMdd-HHmmss-tier-xxxxxx</c> under the models root or the CLI's <c>--out</c> (a models directory resolves
/// to the version its <c>current</c> file names), so no training overwrites a version. Names become
/// directory names, so only a safe alphabet is allowed: no separators, no "..", nothing that walks out of a root.
/// </summary>
public static partial class VersionName
{
    private const int MaxLength = 64;

    /// <summary>Hex digits of the path hash that keep two unusable directory names apart.</summary>
    private const int HashDigits = 8;

    /// <summary>True when <paramref name="name"/> may be a version (and directory) name.</summary>
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name) && name != "." && name != "..";

    /// <summary>
    /// The version of the bundle in <paramref name="bundleDirectory"/>: the directory's name when it is valid;
    /// otherwise that name made safe (other characters become '-') followed by a short hash of the full path,
    /// so the same directory always gets the same version and two directories never share one.
    /// </summary>
    public static string Of(string bundleDirectory)
    {
        var full = Path.GetFullPath(Storage.Files.ModelsDirectory.Resolve(bundleDirectory)).TrimEnd(Path.DirectorySeparatorChar);
        var name = Path.GetFileName(full);
        if (IsValid(name))
        {
            return name;
        }

        var safe = Unsafe().Replace(name, "-");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..HashDigits];
        return safe[..Math.Min(safe.Length, MaxLength - HashDigits - 1)] + "-" + hash;
    }

    /// <summary>A new, sortable, unique name for a version trained now: UTC time, tier and a short random suffix.</summary>
    public static string New(Tier tier, DateTimeOffset now) =>
        $"{now.UtcDateTime:yyyyMMdd-HHmmss}-{tier.ToString().ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>The directory of a version, checked to be directly inside <paramref name="root"/>.</summary>
    /// <exception cref="ArgumentException">The name is not valid or would leave the root.</exception>
    public static string DirectoryOf(string root, string name)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException(WorkflowMessages.BadVersionName, nameof(name));
        }

        var full = Path.GetFullPath(Path.Combine(root, name));
        if (!string.Equals(Path.GetDirectoryName(full), Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            throw new ArgumentException(WorkflowMessages.BadVersionName, nameof(name));
        }

        return full;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex("[^A-Za-z0-9._-]", RegexOptions.CultureInvariant)]
    private static partial Regex Unsafe();
}
