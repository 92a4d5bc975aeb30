namespace Clientele.Server.Tests.Browser;

/// <summary>
/// A fact that needs the system Chromium. Without it the test is skipped with the reason, except on CI
/// (CI=true), where a missing browser must fail loudly rather than pass as skipped.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && !IsCi)
        {
            Skip = $"{ChromiumPath} not found; install it with 'apt-get install -y chromium' (on CI this test fails instead)";
        }
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
