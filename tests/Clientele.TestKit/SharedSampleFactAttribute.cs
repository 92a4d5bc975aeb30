using Xunit;

namespace Clientele.TestKit;

/// <summary>
/// A fact that reads the shared notes sample (<see cref="SharedData.NotesFile"/>): skipped with the reason when it is
/// absent, except on CI, where a missing sample fails (see <see cref="SharedDataFactAttribute"/>).
/// </summary>
public sealed class SharedSampleFactAttribute : FactAttribute
{
    public SharedSampleFactAttribute()
    {
        if (SharedData.NotesSample is null && !SharedDataFactAttribute.IsCi)
        {
            Skip = $"../shared/data/{SharedData.NotesFile} not found beside the repository (on CI this test fails instead)";
        }
    }

    /// <summary>The shared notes sample (null when absent; the attribute has skipped the test then, except on CI).</summary>
    public static string NotesPath => SharedData.NotesSample!;
}
