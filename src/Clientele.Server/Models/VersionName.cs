using System.Text.RegularExpressions;

namespace Clientele.Server.Models;

/// <summary>
/// Model version names. They become directory names under the models root, so only a safe alphabet is
/// allowed: no separators, no "..", nothing that could walk out of the root.
/// </summary>
public static partial class VersionName
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name) && name != "." && name != "..";

    /// <summary>A new, sortable, unique name: UTC time, tier and a short random suffix.</summary>
    public static string New(string tier, DateTimeOffset now) =>
        $"{now.UtcDateTime:yyyyMMdd-HHmmss}-{tier.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>The directory of a version, checked to be directly inside <paramref name="root"/>.</summary>
    public static string DirectoryOf(string root, string name)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException(ServerMessages.BadVersionName, nameof(name));
        }

        var full = Path.GetFullPath(Path.Combine(root, name));
        if (!string.Equals(Path.GetDirectoryName(full), Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            throw new ArgumentException(ServerMessages.BadVersionName, nameof(name));
        }

        return full;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
