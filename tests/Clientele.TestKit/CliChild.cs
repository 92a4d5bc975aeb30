using System.Diagnostics;
using Xunit;

namespace Clientele.TestKit;

/// <summary>The built CLI (<c>clientele.dll</c> beside the test binary) as a child process: how it is started.</summary>
public static class CliChild
{
    /// <summary>
    /// The start of <c>dotnet clientele.dll ARGS</c> in <paramref name="workingDirectory"/>: stdout and stderr
    /// redirected, <c>CLIENTELE_DB</c> unset so only the store the arguments name is used.
    /// </summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "clientele.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing (the test project references the CLI project)");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["CLIENTELE_DB"] = null;
        return info;
    }
}
