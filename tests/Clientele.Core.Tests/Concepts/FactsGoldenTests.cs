using System.Text;
using System.Text.RegularExpressions;
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
    public void The_compiled_regexes_state_the_same_facts_as_the_interpreted_ones_on_every_golden_note()
    {
        var notes = FactsGolden.Notes(File.ReadAllText(FactsGolden.FilePath(), Encoding.UTF8));
        var interpreted = new Core.Facts.FactRegexes(RegexOptions.None);
        var compiled = Core.Facts.FactRegexes.Warm(new Core.Facts.FactRegexes(RegexOptions.Compiled));
        var pairs = typeof(Core.Facts.FactRegexes).GetProperties()
            .Where(p => p.PropertyType == typeof(Regex))
            .Select(p => (p.Name, Interpreted: (Regex)p.GetValue(interpreted)!, Compiled: (Regex)p.GetValue(compiled)!))
            .ToList();
        Assert.Equal(17, pairs.Count);
        Assert.Equal(pairs.Select(p => p.Interpreted), interpreted.All);
        Assert.All(pairs, p => Assert.Equal(RegexOptions.Compiled, p.Compiled.Options & RegexOptions.Compiled));
        var matched = 0;
        foreach (var text in notes.Select(Core.Facts.NoteNormalizer.Normalize))
        {
            foreach (var (name, one, other) in pairs)
            {
                var a = one.Matches(text).Select(Render).ToList();
                Assert.True(a.SequenceEqual(other.Matches(text).Select(Render)), $"{name} on: {text}");
                matched += a.Count;
            }
        }

        Assert.True(matched > 5_000, $"{matched} matches");

        // The extractor itself, once the process has switched to the compiled set (as a large run does).
        Core.Facts.FactPatterns.CompileInBackground();
        Assert.True(SpinWait.SpinUntil(() => Core.Facts.FactPatterns.Compiled, TimeSpan.FromSeconds(60)));
        Assert.Equal(FactsGolden.Recording ? FactsGolden.Render(notes, FactExtractor.Extract) : File.ReadAllText(FactsGolden.FilePath(), Encoding.UTF8), FactsGolden.Render(notes, FactExtractor.Extract));

        static string Render(Match m) =>
            string.Join('|', m.Groups.Cast<Group>().Select(g => $"{g.Name}:{g.Index}:{g.Length}:{g.Success}"));
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
