using Clientele.Core.Bundles;
using Clientele.Storage.Store;

namespace Clientele.Workflows.Versions;

/// <summary>The store's record of a version, made the same way by every front-end.</summary>
public static class VersionRecords
{
    /// <summary>The (inactive) record of <paramref name="bundle"/>, saved in <paramref name="bundleDirectory"/> as <paramref name="version"/>.</summary>
    public static ModelVersionRecord Of(string version, string bundleDirectory, ModelBundle bundle) =>
        new(version, bundle.Metadata.Tier, Path.GetFullPath(bundleDirectory), bundle.Metadata.CreatedAt,
            bundle.Metadata.Report?.ToJsonString() ?? "{}", Active: false);
}
