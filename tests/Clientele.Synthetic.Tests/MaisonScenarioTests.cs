using System.Globalization;
using Clientele.Synthetic;
using Clientele.Synthetic.Maison;

namespace Clientele.Synthetic.Tests;

public class MaisonScenarioTests
{
    private static (List<string[]> Notes, List<string[]> Labels) Generate(GeneratorOptions options)
    {
        var notes = new StringWriter(CultureInfo.InvariantCulture);
        var labels = new StringWriter(CultureInfo.InvariantCulture);
        NotesGenerator.Write(options, notes, labels);
        return (NotesGeneratorTests.Csv.Parse(notes.ToString()), NotesGeneratorTests.Csv.Parse(labels.ToString()));
    }

    [Fact]
    public void Maison_notes_carry_a_store_column_and_labels_carry_the_true_churn_probability()
    {
        var (notes, labels) = Generate(new GeneratorOptions(200) { Scenario = GeneratorScenario.Maison });
        Assert.Equal(["ID", "Date", "Duration", "Language", "Length", "Store", "Transcription"], notes[0]);
        Assert.Equal("true_churn_prob", labels[0][^1]);
        Assert.All(notes.Skip(1), r => Assert.False(string.IsNullOrWhiteSpace(r[5])));
        Assert.All(labels.Skip(1), r => Assert.InRange(double.Parse(r[^1], CultureInfo.InvariantCulture), 0.01, 0.99));
    }

    [Fact]
    public void Maison_text_is_the_default_text_with_one_line_sentence_added_per_client()
    {
        var standard = Generate(new GeneratorOptions(300)).Notes;
        var maison = Generate(new GeneratorOptions(300) { Scenario = GeneratorScenario.Maison }).Notes;
        Assert.Equal(standard.Count, maison.Count);
        var added = new Dictionary<string, int>();
        for (var i = 1; i < standard.Count; i++)
        {
            var before = standard[i][5];
            var after = maison[i][6];
            Assert.Equal(standard[i][0], maison[i][0]);
            Assert.StartsWith(before[..^1], after, StringComparison.Ordinal);
            added[maison[i][0]] = added.GetValueOrDefault(maison[i][0]) + (after.Length > before.Length ? 1 : 0);
        }

        Assert.All(added.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public void Every_client_names_one_line_and_durations_stay_in_the_documented_range()
    {
        var (notes, _) = Generate(new GeneratorOptions(400) { Scenario = GeneratorScenario.Maison, Languages = ["EN", "FR", "DE"] });
        foreach (var client in notes.Skip(1).GroupBy(r => r[0]))
        {
            var text = string.Join(' ', client.Select(r => r[6]));
            Assert.Single(MaisonScenario.LatinLines, line => text.Contains(line, StringComparison.Ordinal));
        }

        Assert.All(notes.Skip(1), r =>
        {
            Assert.EndsWith(" min", r[2], StringComparison.Ordinal);
            Assert.InRange(int.Parse(r[2][..^4], CultureInfo.InvariantCulture),
                MaisonScenario.ShortestMeeting - MaisonScenario.MeetingJitter, MaisonScenario.LongestMeeting + MaisonScenario.MeetingJitter);
        });
    }

    [Fact]
    public void The_best_selling_line_buys_more_often_than_the_worst_one()
    {
        var (notes, labels) = Generate(new GeneratorOptions(3000) { Scenario = GeneratorScenario.Maison, Languages = ["EN"] });
        var lineOf = notes.Skip(1).GroupBy(r => r[0]).ToDictionary(g => g.Key,
            g => Array.FindIndex(MaisonScenario.LatinLines, l => g.Any(r => r[6].Contains(l, StringComparison.Ordinal))));
        double Rate(int line) => labels.Skip(1).Where(r => lineOf[r[0]] == line).Average(r => r[1] == "1" ? 1.0 : 0.0);
        Assert.True(Rate(0) > Rate(7) + 0.3, $"best line {Rate(0):F2}, worst {Rate(7):F2}");
    }
}
