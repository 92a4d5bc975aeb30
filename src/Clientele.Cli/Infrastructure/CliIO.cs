namespace Clientele.Cli.Infrastructure;

/// <summary>
/// Where commands write: stdout for results (JSON, tables), stderr for progress and errors. Swappable per
/// call (async-local) so tests run the CLI in-process and read both streams.
/// </summary>
public static class CliIO
{
    private static readonly AsyncLocal<TextWriter?> OutOverride = new();
    private static readonly AsyncLocal<TextWriter?> ErrOverride = new();

    public static TextWriter Out => OutOverride.Value ?? Console.Out;

    public static TextWriter Err => ErrOverride.Value ?? Console.Error;

    /// <summary>True when stderr is a terminal (progress bars); plain lines otherwise.</summary>
    public static bool Interactive => ErrOverride.Value is null && !Console.IsErrorRedirected;

    public static IDisposable Redirect(TextWriter stdout, TextWriter stderr)
    {
        OutOverride.Value = stdout;
        ErrOverride.Value = stderr;
        return new Reset();
    }

    private sealed class Reset : IDisposable
    {
        public void Dispose()
        {
            OutOverride.Value = null;
            ErrOverride.Value = null;
        }
    }
}
