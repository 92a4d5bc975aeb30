using System.Globalization;

namespace Clientele.Core.Tests.Occasions;

/// <summary>One expected occasion of a corpus note: its kind and, when the note pins it, its date or month.</summary>
internal sealed record ExpectedOccasion(string Kind, DateOnly? Date, int? Month)
{
    public static ExpectedOccasion Parse(string item)
    {
        var at = item.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return new ExpectedOccasion(item, null, null);
        }

        var kind = item[..at];
        var when = item[(at + 1)..];
        return when.StartsWith("m=", StringComparison.Ordinal)
            ? new ExpectedOccasion(kind, null, int.Parse(when[2..], CultureInfo.InvariantCulture))
            : new ExpectedOccasion(kind, DateOnly.ParseExact(when, "yyyy-MM-dd", CultureInfo.InvariantCulture), null);
    }

    public override string ToString() => Date is { } d ? $"{Kind}@{d:yyyy-MM-dd}" : Month is { } m ? $"{Kind}@m={m:00}" : Kind;
}

/// <summary>One note of the hand-written occasions corpus.</summary>
internal sealed record CorpusNote(int Line, string Language, DateOnly? Date, IReadOnlyList<ExpectedOccasion> Expected, string Text);

/// <summary>Reads <c>occasions_corpus.tsv</c>, found from the test's output folder up to the repository.</summary>
internal static class OccasionCorpus
{
    private const string RelativePath = "tests/Clientele.Core.Tests/Occasions/occasions_corpus.tsv";

    public static IReadOnlyList<CorpusNote> Load()
    {
        var notes = new List<CorpusNote>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(Locate()))
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != 4)
            {
                throw new InvalidDataException($"occasions_corpus.tsv:{lineNo}: expected 4 tab-separated cells, got {cells.Length}");
            }

            DateOnly? date = cells[1] == "-" ? null : DateOnly.ParseExact(cells[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var expected = cells[2] == "-" ? [] : cells[2].Split(';').Select(ExpectedOccasion.Parse).ToList();
            notes.Add(new CorpusNote(lineNo, cells[0], date, expected, cells[3]));
        }

        return notes;
    }

    // The file stays beside the tests that read it (no copy step in the project file): walk up to the repository.
    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("occasions corpus not found above " + AppContext.BaseDirectory, RelativePath);
    }
}
