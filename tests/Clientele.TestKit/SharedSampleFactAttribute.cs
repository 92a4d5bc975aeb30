using Xunit;

namespace Clientele.TestKit;

/// <summary>
/// A fact that reads the shared sample (<see cref="SharedData"/>). Without it the test is skipped with the reason,
/// except on CI (CI=true), where the sample is always laid beside the clone and a missing one fails.
/// </summary>
public sealed class SharedSampleFactAttribute : FactAttribute
{
    public SharedSampleFactAttribute()
    {
        if (SharedData.NotesSample is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"../shared/data/{SharedData.NotesFile} not found beside the repository (on CI this test fails instead)";
        }
    }

    /// <summary>The shared notes sample (null when absent; the attribute has skipped the test then, except on CI).</summary>
    public static string NotesPath => SharedData.NotesSample!;
}
