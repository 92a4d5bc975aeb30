namespace Clientele.Core.Tests.History;

/// <summary>The team's shared data folder (<c>shared/data</c> beside the repository), found by walking up from the test binaries.</summary>
internal static class SharedData
{
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

/// <summary>A fact that needs a shared data file: skipped, with the file named, only when the file is not there.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string file)
    {
        if (SharedData.Find(file) is null)
        {
            Skip = $"shared/data/{file} not found beside the repository (walked up from {AppContext.BaseDirectory}); the published-figures check did not run";
        }
    }
}
