using Clientele.Core.Errors;
using Clientele.Core.Ingest;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using Clientele.Workflows.Versions;

namespace Clientele.Cli.Infrastructure;

/// <summary>The CLI's edge: opens the files a command names and hands Core readers.</summary>
public static class Inputs
{
    /// <summary>The lexicon of <paramref name="path"/> (the built-in one when null) with the overlay of <paramref name="overlay"/> on top, when given.</summary>
    public static ConceptLexicon Lexicon(string? path, string? overlay)
    {
        var lexicon = Lexicon(path);
        if (string.IsNullOrWhiteSpace(overlay))
        {
            return lexicon;
        }

        using var reader = Open(overlay);
        return LexiconOverlay.Apply(lexicon, reader, overlay);
    }

    public static ConceptLexicon Lexicon(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return LexiconCsv.LoadBuiltin();
        }

        using var reader = Open(path);
        var report = new IngestReport(path);
        var lexicon = LexiconCsv.Load(reader, path, report);
        if (report.Rejected > 0)
        {
            CliIO.Err.WriteLine($"{report.Summary()} (first: line {report.Issues[0].Line}: {report.Issues[0].Reason})");
        }

        return lexicon;
    }

    public static (List<Note> Notes, IngestReport Report) Notes(string path, NotesCsvOptions? options = null)
    {
        using var reader = Open(path);
        var report = new IngestReport(path);
        var notes = NotesCsv.ReadAll(reader, path, report, options);
        return (notes, report);
    }

    /// <summary>Reads a labels file; rejected rows are an error unless <paramref name="maxBadRows"/> allows them (then told on stderr).</summary>
    public static LabelSet Labels(string path, RowAllowance? maxBadRows = null)
    {
        using var reader = Open(path);
        var report = new IngestReport(path);
        var labels = LabelsCsv.Read(reader, path, report, maxBadRows);
        Tell(report, allowance: maxBadRows);
        return labels;
    }

    public static HoldoutSplit Holdout(string path)
    {
        using var reader = Open(path);
        var report = new IngestReport(path);
        var split = HoldoutSplit.Read(reader, path, report);
        Tell(report);
        return split;
    }

    /// <summary>The <see cref="DataFingerprint"/> of the input files (a missing or unnamed one is skipped).</summary>
    public static string Fingerprint(params string?[] paths) =>
        DataFingerprint.Of([.. paths.Select(p =>
        {
            if (p is null || !File.Exists(p))
            {
                return null;
            }

            using var s = File.OpenRead(p);
            return DataFingerprint.Digest(s);
        })]);

    /// <summary>
    /// Prints rejected rows (count and the first few reasons, with file, line and column) on stderr: nothing is
    /// dropped silently. The reasons are Core's messages, which quote at most a short truncated excerpt of a cell.
    /// </summary>
    public static void Tell(IngestReport report, int show = 5, RowAllowance? allowance = null)
    {
        if (report.Rejected == 0 && report.Warnings == 0)
        {
            return;
        }

        CliIO.Err.WriteLine(report.Summary());
        if (report.Rejected > 0)
        {
            CliIO.Err.WriteLine("  " + CliMessages.AllowedRejections(report.Rejected, (allowance ?? RowAllowance.None).ToString()));
        }

        foreach (var issue in report.Issues.Take(show))
        {
            CliIO.Err.WriteLine($"  {report.Source}:{issue.Line}{(issue.Column is { } c ? ":" + c : string.Empty)}: {issue.Reason}");
        }

        if (report.Issues.Count > show)
        {
            CliIO.Err.WriteLine($"  … {report.Rejected + report.Warnings - show:N0} more");
        }
    }

    public static TextReader Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw new ClienteleInputException(path, null, null, "is a directory; expected a CSV file");
        }

        if (!File.Exists(path))
        {
            throw new ClienteleInputException(path, null, null, "file not found");
        }

        return CsvInput.OpenText(File.OpenRead(path));
    }
}
