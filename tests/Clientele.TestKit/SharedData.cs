namespace Clientele.TestKit;

/// <summary>The shared sample (<c>../shared/data</c> beside the repository), found by walking up from the test binary.</summary>
public static class SharedData
{
    /// <summary>The file name of the shared notes sample.</summary>
    public const string NotesFile = "LVMH_Extended_Test.csv";

    /// <summary>The shared notes sample; null when absent.</summary>
    public static string? NotesSample => Find(NotesFile);

    /// <summary>A file of <c>shared/data</c> in the test binary's directory or any parent; null when absent.</summary>
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
