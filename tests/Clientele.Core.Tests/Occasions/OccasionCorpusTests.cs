using System.Globalization;
using System.Text;
using Clientele.Core.Occasions;
using Xunit.Abstractions;

namespace Clientele.Core.Tests.Occasions;

/// <summary>
/// Precision and recall of <see cref="OccasionExtractor"/> on a hand-written set of advisor notes in the 12
/// languages (and mixed). A found occasion counts as right only when its kind matches an expected one and, where
/// the note states a day, its date is exact, and where it states a month, the month is right.
/// </summary>
public class OccasionCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Corpus_covers_the_12_languages_with_at_least_200_notes()
    {
        var notes = OccasionCorpus.Load();
        Assert.True(notes.Count >= 200, $"{notes.Count} notes");
        foreach (var language in new[] { "EN", "FR", "DE", "ES", "IT", "PT", "NL", "RU", "AR", "JA", "KO", "ZH", "MIX" })
        {
            Assert.True(notes.Count(n => n.Language == language) >= 15, language);
        }

        Assert.True(notes.Count(n => n.Expected.Count == 0) >= 30, "notes without an occasion, for precision");
    }

    [Fact]
    public void Occasion_precision_and_recall_meet_the_bar_overall_with_exact_dates()
    {
        var notes = OccasionCorpus.Load();
        var counts = OccasionKinds.All.ToDictionary(k => k, _ => new Counts(), StringComparer.Ordinal);
        var misses = new List<string>();
        int kindMatched = 0, whenRight = 0;
        foreach (var note in notes)
        {
            var found = OccasionExtractor.Builtin.Extract("c", note.Date, note.Text).ToList();
            var open = found.ToList();
            foreach (var expected in note.Expected)
            {
                var hit = open.FirstOrDefault(o => o.Kind == expected.Kind && WhenMatches(expected, o));
                var sameKind = open.FirstOrDefault(o => o.Kind == expected.Kind);
                if (sameKind is not null)
                {
                    kindMatched++;
                }

                if (hit is not null)
                {
                    whenRight += sameKind is not null ? 1 : 0;
                    counts[expected.Kind].TruePositives++;
                    open.Remove(hit);
                }
                else
                {
                    counts[expected.Kind].FalseNegatives++;
                    misses.Add($"line {note.Line} {note.Language}: missed {expected} (found {Describe(found)}) :: {note.Text}");
                }
            }

            foreach (var extra in open)
            {
                counts[extra.Kind].FalsePositives++;
                misses.Add($"line {note.Line} {note.Language}: extra {Describe([extra])} ('{extra.Text}') :: {note.Text}");
            }
        }

        var total = new Counts
        {
            TruePositives = counts.Values.Sum(c => c.TruePositives),
            FalsePositives = counts.Values.Sum(c => c.FalsePositives),
            FalseNegatives = counts.Values.Sum(c => c.FalseNegatives),
        };
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"{notes.Count} notes; a match needs the kind and the stated date (exact day, or month)");
        table.AppendLine("| kind | expected | found | TP | precision | recall |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (kind, c) in counts)
        {
            table.AppendLine(c.Row(kind));
        }

        table.AppendLine(total.Row("**overall**"));
        table.AppendLine(CultureInfo.InvariantCulture, $"date/month right when the kind is found: {whenRight}/{kindMatched}");
        output.WriteLine(table.ToString());
        foreach (var miss in misses)
        {
            output.WriteLine(miss);
        }

        Assert.True(whenRight == kindMatched, $"dates: {whenRight}/{kindMatched} right\n{string.Join('\n', misses)}");
        Assert.True(total.Precision >= 0.95, $"precision {total.Precision:0.000}\n{table}\n{string.Join('\n', misses)}");
        Assert.True(total.Recall >= 0.90, $"recall {total.Recall:0.000}\n{table}\n{string.Join('\n', misses)}");
    }

    private static bool WhenMatches(ExpectedOccasion expected, Occasion found) =>
        expected.Date is { } date ? found.Date == date
        : expected.Month is not { } month || found.Month == month;

    private static string Describe(IEnumerable<Occasion> found) =>
        string.Join(", ", found.Select(o => $"{o.Kind}@{o.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"} m={o.Month?.ToString(CultureInfo.InvariantCulture) ?? "?"} d={o.Day?.ToString(CultureInfo.InvariantCulture) ?? "?"}"));

    private sealed class Counts
    {
        public int TruePositives { get; set; }

        public int FalsePositives { get; set; }

        public int FalseNegatives { get; set; }

        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

        public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

        public string Row(string name) => string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {TruePositives + FalseNegatives} | {TruePositives + FalsePositives} | {TruePositives} | {Precision:0.000} | {Recall:0.000} |");
    }
}
