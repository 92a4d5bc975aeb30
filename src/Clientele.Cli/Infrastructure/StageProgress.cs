using System.Diagnostics;

namespace Clientele.Cli.Infrastructure;

/// <summary>
/// Reports stages of long work on stderr: a live status line in a terminal (Spectre.Console), plain
/// timestamped lines when piped, nothing with --quiet. Thread-safe (training reports from parallel targets).
/// </summary>
public sealed class StageProgress(bool quiet) : IProgress<string>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();

    /// <summary>The time since this progress was made (the start of the verb's work).</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public void Report(string value)
    {
        if (quiet)
        {
            return;
        }

        lock (_lock)
        {
            if (CliIO.Interactive)
            {
                Spectre.Console.AnsiConsole.MarkupLine($"[grey]{_clock.Elapsed.TotalSeconds,6:0.0}s[/] {Spectre.Console.Markup.Escape(value)}");
            }
            else
            {
                CliIO.Err.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {value}");
            }
        }
    }
}
