using Clientele.Core.Errors;
using Clientele.Core.Features;
using Clientele.Storage.Files;

namespace Clientele.Workflows.Versions;

/// <summary>
/// Where a trained bundle goes: always a new version directory, never over an earlier version. Under the
/// server's models root, or under a models directory the user named (the CLI's <c>--out</c>), which then points
/// its <c>current</c> file at the new version so <c>--model DIR</c> loads the newest.
/// </summary>
public sealed class BundlePlace
{
    private readonly string _root;
    private readonly bool _pointCurrent;

    private BundlePlace(string root, bool pointCurrent)
    {
        _root = root;
        _pointCurrent = pointCurrent;
    }

    /// <summary>A new version directory under <paramref name="directory"/>, which is then pointed at it (<see cref="ModelsDirectory"/>).</summary>
    /// <exception cref="ClienteleInputException">The directory holds a single bundle of the earlier one-bundle layout.</exception>
    public static BundlePlace Versioned(string directory)
    {
        if (ModelsDirectory.HoldsSingleBundle(directory))
        {
            throw new ClienteleInputException(directory, null, null, WorkflowMessages.SingleBundleDirectory);
        }

        return new(directory, pointCurrent: true);
    }

    /// <summary>A new version directory under <paramref name="modelsRoot"/>, named by <see cref="VersionName.New"/>.</summary>
    public static BundlePlace NewUnder(string modelsRoot) => new(modelsRoot, pointCurrent: false);

    /// <summary>The directory for a bundle of <paramref name="tier"/> created at <paramref name="now"/>.</summary>
    public string Resolve(Tier tier, DateTimeOffset now)
    {
        Directory.CreateDirectory(_root);
        return VersionName.DirectoryOf(_root, VersionName.New(tier, now));
    }

    /// <summary>Called once the bundle in <paramref name="directory"/> is complete: points the models directory at it when this place keeps a pointer.</summary>
    public void Published(string directory)
    {
        if (_pointCurrent)
        {
            ModelsDirectory.Point(_root, Path.GetFileName(directory));
        }
    }
}
