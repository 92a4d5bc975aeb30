using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Clientele.Synthetic;

namespace Clientele.Cli.Infrastructure;

/// <summary>
/// <c>bench --commands</c>: the user's commands timed as whole processes of the built binary — runtime start, reading,
/// the real output, the store — each run several times (median wall time and peak RSS), with the command's own
/// in-process stage seconds (its <c>--json</c> report) beside them, and the reference's whole process when python3
/// has scikit-learn.
/// </summary>
public static class WholeCommandBench
{
    /// <summary>Clients of the large scoring figures (the 100k, a tenth of the 1M target).</summary>
    public const int LargeClients = 100_000;

    /// <summary>One timed command: its label, its arguments, and the stage of its --json seconds shown beside it.</summary>
    private sealed record Case(string Label, string[] Args, string? Stage, Action? BeforeEach = null);

    /// <summary>Runs every case <paramref name="runs"/> times in <paramref name="work"/>; returns the JSON results and prints a table.</summary>
    public static JsonObject Run(string work, string sampleNotes, string? sampleLabels, int runs, string? postgres, string? reference, Action<string> say)
    {
        var binary = Binary();
        var big = Path.Combine(work, "notes100k.csv");
        using (var n = new StreamWriter(big))
        using (var l = new StreamWriter(Path.Combine(work, "labels100k.csv")))
        {
            NotesGenerator.Write(new GeneratorOptions(LargeClients, Seed: 7), n, l);
        }

        string[] Labels() => sampleLabels is null ? [] : ["--labels", sampleLabels];
        var db = Path.Combine(work, "bench.db");
        var cases = new List<Case>
        {
            new("train --tier fast (2,000 sample)", ["train", "--notes", sampleNotes, .. Labels(), "--tier", "fast", "--out", "m/fast", "--no-store", "--json"], "train_total"),
            new("train --tier elite (2,000 sample)", ["train", "--notes", sampleNotes, .. Labels(), "--tier", "elite", "--out", "m/elite", "--no-store", "--json"], "train_total"),
            new("predict 2,000, fast, reasons, --no-store", ["predict", "--model", "m/fast", "--notes", sampleNotes, "--out", "s2k.csv", "--no-store", "--json"], "score"),
            new("predict 2,000, elite, reasons, --no-store", ["predict", "--model", "m/elite", "--notes", sampleNotes, "--out", "s2k.csv", "--no-store", "--json"], "score"),
            new("predict 100k, elite, reasons, --no-store", ["predict", "--model", "m/elite", "--notes", big, "--out", "s100k.csv", "--no-store", "--json"], "score"),
            new("predict 100k, elite, reasons, into SQLite", ["predict", "--model", "m/elite", "--notes", big, "--out", "s100k.csv", "--db", "Data Source=" + db, "--json"], "store",
                () => DeleteDatabase(db)),
            new("detect (2,000 sample)", ["detect", "--notes", sampleNotes, "--out", "concepts.csv"], null),
        };
        if (postgres is not null)
        {
            cases.Insert(6, new("predict 100k, elite, reasons, into PostgreSQL", ["predict", "--model", "m/elite", "--notes", big, "--out", "s100k.csv", "--db", postgres, "--json"], "store"));
        }

        var results = new JsonArray();
        say($"whole commands: {binary}, median of {runs} runs each, {Environment.ProcessorCount} cores");
        foreach (var c in cases)
        {
            var walls = new List<double>();
            var peaks = new List<double>();
            var stages = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                c.BeforeEach?.Invoke();
                var (wall, peakMb, stdout) = Measure(binary, work, c.Args);
                walls.Add(wall);
                peaks.Add(peakMb);
                if (c.Stage is { } stage && Stage(stdout, stage) is { } s)
                {
                    stages.Add(s);
                }
            }

            var row = new JsonObject
            {
                ["command"] = c.Label,
                ["args"] = string.Join(' ', c.Args.Select(a => a.StartsWith(work, StringComparison.Ordinal) ? Path.GetFileName(a) : a)),
                ["wall_s_median"] = Round(Median(walls)),
                ["wall_s_runs"] = new JsonArray([.. walls.Select(w => (JsonNode)Round(w))]),
                ["peak_rss_mb_median"] = Round(Median(peaks)),
                ["in_process_stage"] = c.Stage,
                ["in_process_stage_s_median"] = stages.Count == 0 ? null : Round(Median(stages)),
            };
            results.Add(row);
            say($"{c.Label}: {Median(walls):0.00} s whole process (median of {runs}), peak {Median(peaks):N0} MB"
                + (stages.Count == 0 ? string.Empty : $"; in-process '{c.Stage}' {Median(stages):0.000} s"));
        }

        var output = new JsonObject { ["binary"] = binary, ["runs"] = runs, ["commands"] = results };
        output["reference"] = reference is null
            ? "skipped: python3 with scikit-learn and pandas, and ../shared/reference/seed_pipeline.py, are needed"
            : ReferenceWholeProcess(reference, work, sampleNotes, runs, say);
        return output;
    }

    /// <summary>The reference's whole process per tier (python start, imports, reading its concepts file, fitting), median of runs.</summary>
    private static JsonObject ReferenceWholeProcess(string script, string work, string sampleNotes, int runs, Action<string> say)
    {
        var concepts = Path.Combine(work, "ref-concepts.csv");
        var refLexicon = Path.Combine(Path.GetDirectoryName(script)!, "../data/lexicon_v1.csv");
        Measure(Binary(), work, ["detect", "--notes", sampleNotes, "--out", concepts, .. File.Exists(refLexicon) ? new[] { "--lexicon", refLexicon } : []]);
        var result = new JsonObject();
        foreach (var tier in new[] { "fast", "elite" })
        {
            var walls = Enumerable.Range(0, runs).Select(_ => Measure(Python, work, [script, "--concepts", concepts, "--tier", tier]).Wall).ToList();
            result[tier + "_wall_s_median"] = Round(Median(walls));
            say($"reference {tier}, whole process: {Median(walls):0.00} s (median of {runs})");
        }

        return result;
    }

    /// <summary>Wall time, peak RSS (MB: /usr/bin/time when present, else VmHWM polled from /proc) and stdout of one run.</summary>
    private static (double Wall, double PeakMb, string Stdout) Measure(string program, string work, IReadOnlyList<string> args)
    {
        var timeTool = File.Exists("/usr/bin/time") ? "/usr/bin/time" : null;
        var rssFile = Path.Combine(work, "rss.txt");
        var info = new ProcessStartInfo(timeTool ?? program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = work, UseShellExecute = false };
        if (timeTool is not null)
        {
            foreach (var a in new[] { "-f", "%M", "-o", rssFile, program })
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["CLIENTELE_DB"] = null;
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        double polled = 0;
        while (!p.WaitForExit(20))
        {
            polled = Math.Max(polled, VmHwmMb(p.Id));
        }

        var wall = clock.Elapsed.TotalSeconds;
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{string.Join(' ', args)}' exited with {p.ExitCode}: {stderr.Result}");
        }

        var peak = timeTool is not null && double.TryParse(File.ReadAllText(rssFile).Trim().Split('\n')[^1], CultureInfo.InvariantCulture, out var kb) ? kb / 1024 : polled;
        return (wall, peak, stdout.Result);
    }

    private static double VmHwmMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    // The --json report is the last line on stdout; its "seconds" hold the command's own stage timings.
    private static double? Stage(string stdout, string stage)
    {
        var last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        return last is null ? null : JsonNode.Parse(last)?["seconds"]?[stage]?.GetValue<double>();
    }

    /// <summary>The built binary beside this assembly (the apphost; the dll through this runtime's host otherwise).</summary>
    private static string Binary()
    {
        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "clientele.exe" : "clientele");
        return File.Exists(apphost) ? apphost : throw new InvalidOperationException($"{apphost} is missing: build src/Clientele.Cli -c Release first");
    }

    private static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    private static void DeleteDatabase(string db)
    {
        foreach (var f in new[] { db, db + "-wal", db + "-shm" })
        {
            File.Delete(f);
        }
    }

    private static double Median(List<double> xs)
    {
        var sorted = xs.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }

    private static double Round(double v) => Math.Round(v, 3);
}
