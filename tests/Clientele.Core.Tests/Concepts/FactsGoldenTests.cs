using System.Text;
using Clientele.Core.Concepts;

namespace Clientele.Core.Tests.Concepts;

/// <summary>
/// The extractor states exactly the recorded facts on every note of facts.golden.tsv: generated notes of three
/// seeds in every language, the edge cases of the extractor's tests and adversarial strings (full-width and
/// Arabic-Indic digits, mixed scripts, ranges, floors, currencies, separators, control characters).
/// </summary>
public class FactsGoldenTests
{
    [Fact]
    public void Facts_are_byte_identical_to_the_recorded_ones()
    {
        var expected = File.ReadAllText(FactsGolden.FilePath(), Encoding.UTF8);
        var notes = FactsGolden.Notes(expected);
        var actual = FactsGolden.Render(notes, FactExtractor.Extract);
        if (FactsGolden.Recording)
        {
            File.WriteAllText(FactsGolden.FilePath(), actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(notes.Count > 3_000, $"{notes.Count} notes");
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            Assert.True(i < e.Length && i < a.Length && e[i] == a[i], $"line {i + 1}:\n  expected: {(i < e.Length ? e[i] : "<end>")}\n  actual:   {(i < a.Length ? a[i] : "<end>")}");
        }
    }

    [Fact]
    public void The_golden_file_states_enough_facts_to_mean_something()
    {
        var lines = File.ReadAllLines(FactsGolden.FilePath(), Encoding.UTF8).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        Assert.True(lines.Count(l => l[1].Length > 0) > lines.Count / 10, "budgets");
        Assert.True(lines.Count(l => l[4].Length > 0) > lines.Count / 10, "ages");
        Assert.Contains(lines, l => l[3] == "1");
    }
}
