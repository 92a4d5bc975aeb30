namespace Clientele.Cli.Tests;

/// <summary>The CLI run in-process with its output captured, for every test class (imported statically by the project).</summary>
internal static class CliRun
{
    /// <summary>Exit code, stdout and stderr of <c>clientele</c> with <paramref name="args"/>.</summary>
    public static (int Exit, string Out, string Err) Run(params string[] args) => ClienteleApp.RunCaptured(args);

    /// <summary>Runs <paramref name="args"/>, which must succeed (stderr is the failure message); returns stdout.</summary>
    public static string RunOk(params string[] args)
    {
        var (exit, stdout, stderr) = Run(args);
        Assert.True(exit == 0, stderr);
        return stdout;
    }
}
