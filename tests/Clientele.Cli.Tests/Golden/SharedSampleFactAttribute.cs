namespace Clientele.Cli.Tests.Golden;

/// <summary>
/// A fact that reads the shared sample (<c>../shared/data</c> beside the repository). Without it the test is skipped
/// with the reason, except on CI (CI=true), where the sample is always laid beside the clone and a missing one fails.
/// </summary>
public sealed class SharedSampleFactAttribute : FactAttribute
{
    public SharedSampleFactAttribute()
    {
        if (NotesPath is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "../shared/data/LVMH_Extended_Test.csv not found beside the repository (on CI this test fails instead)";
        }
    }

    /// <summary>The shared notes sample, found by walking up from the test binary; null when absent.</summary>
    public static string NotesPath => Find("LVMH_Extended_Test.csv")!;

    /// <summary>A file of ../shared/data, found by walking up from the test binary; null when absent.</summary>
    public static string? Find(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
