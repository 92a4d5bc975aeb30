using Xunit;

namespace Clientele.TestKit;

/// <summary>
/// A fact that reads one file of <c>../shared/data</c> (<see cref="SharedData"/>). Without it the test is skipped with
/// the file named, except on CI (CI=true), where shared/ is always laid beside the clone and a missing file fails.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    /// <param name="file">The file name inside <c>shared/data</c>.</param>
    public SharedDataFactAttribute(string file)
    {
        if (SharedData.Find(file) is null && !IsCi)
        {
            Skip = $"../shared/data/{file} not found beside the repository (walked up from {AppContext.BaseDirectory}; on CI this test fails instead)";
        }
    }

    /// <summary>True under CI, where a missing shared file must fail the test rather than skip it.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
