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

    /// <summary>
    /// Whether the bundle of <paramref name="version"/> was trained with special-category data (<c>includes_sensitive</c> in
    /// its metadata.json); false when the bundle says nothing or cannot be read (an older bundle never included it).
    /// </summary>
    public static bool IncludesSensitive(ModelVersionRecord version)
    {
        ArgumentNullException.ThrowIfNull(version);
        try
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(version.BundlePath, ModelBundle.MetadataFile)));
            return json?["includes_sensitive"]?.GetValue<bool>() ?? false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}
