namespace Clientele.TestKit;

/// <summary>
/// Files of the repository, found by walking up from the test binary to the folder holding <c>Clientele.slnx</c>.
/// Tests must not locate files through <c>[CallerFilePath]</c>: a CI build (<c>ContinuousIntegrationBuild</c>)
/// maps source paths to <c>/_/</c>, so a caller path names no real folder there.
/// </summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootDir = new(FindRoot);

    /// <summary>The repository's root folder (the one holding <c>Clientele.slnx</c>).</summary>
    public static string Root => RootDir.Value;

    /// <summary>A path under the repository root, from its parts (e.g. <c>"tests", "Clientele.Cli.Tests", "Golden"</c>).</summary>
    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Clientele.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Clientele.slnx in {AppContext.BaseDirectory} or any parent: run the tests from a clone of the repository");
    }
}
