using System.Diagnostics;

namespace Clientele.Cli.Tests;

/// <summary>The built CLI as a real child process: started, awaited, or SIGKILLed at a progress line.</summary>
internal static class CliProcess
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(180);

    public static Process Start(string workingDirectory, IEnumerable<string> args)
    {
        var info = CliChild.StartInfo(workingDirectory, args);
        var p = Process.Start(info)!;
        p.StandardOutput.ReadToEndAsync(); // drained so a full pipe never blocks the child
        return p;
    }

    /// <summary>Runs to the end and asserts exit code 0 (stderr in the message otherwise).</summary>
    public static void Run(string workingDirectory, params string[] args)
    {
        using var p = Start(workingDirectory, args);
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(Deadline), "the CLI did not finish: " + string.Join(' ', args));
        Assert.True(p.ExitCode == 0, stderr.Result);
    }

    /// <summary>
    /// Starts the CLI and SIGKILLs it <paramref name="delayMs"/> after the first stderr line containing
    /// <paramref name="line"/> (null: at once); returns whether the line was seen and whether it had exited before.
    /// </summary>
    public static (bool Reached, bool Exited) KillAt(string workingDirectory, string? line, int delayMs, params string[] args)
    {
        var (reached, exited, _) = KillAtWithRest(workingDirectory, line, delayMs, args);
        return (reached, exited);
    }

    /// <summary>As <see cref="KillAt"/>, also returning what the process wrote on stderr after the line, up to its death.</summary>
    public static (bool Reached, bool Exited, string Stderr) KillAtWithRest(string workingDirectory, string? line, int delayMs, params string[] args)
    {
        using var p = Start(workingDirectory, args);
        var reached = line is null;
        if (line is not null)
        {
            var until = DateTime.UtcNow + Deadline;
            while (DateTime.UtcNow < until)
            {
                var read = p.StandardError.ReadLineAsync();
                if (!read.Wait(until - DateTime.UtcNow) || read.Result is null)
                {
                    break; // stream ended: the process finished before the point
                }

                if (read.Result.Contains(line, StringComparison.Ordinal))
                {
                    reached = true;
                    break;
                }
            }
        }

        if (delayMs > 0)
        {
            Thread.Sleep(delayMs);
        }

        var exited = p.HasExited;
        if (!exited)
        {
            p.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no flush, no cleanup
        }

        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(10)), "the killed CLI did not go away");
        var rest = p.StandardError.ReadToEndAsync();
        return (reached, exited, rest.Wait(TimeSpan.FromSeconds(10)) ? rest.Result : string.Empty);
    }
}
