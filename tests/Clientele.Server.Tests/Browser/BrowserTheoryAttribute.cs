namespace Clientele.Server.Tests.Browser;

/// <summary>
/// A theory that needs the system Chromium, skipped (with the reason) without it except on CI, like <see cref="BrowserFactAttribute"/>.
/// </summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!File.Exists(BrowserFactAttribute.ChromiumPath) && !BrowserFactAttribute.IsCi)
        {
            Skip = $"{BrowserFactAttribute.ChromiumPath} not found; install it with 'apt-get install -y chromium' (on CI this test fails instead)";
        }
    }
}
