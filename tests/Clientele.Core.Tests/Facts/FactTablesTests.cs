using Clientele.Core.Facts;
using Clientele.Core.Text;

namespace Clientele.Core.Tests.Facts;

/// <summary>The assumptions the fact engine's prefilters make about its data tables.</summary>
public class FactTablesTests
{
    private static readonly string[] Spacings = ["spaced", "attached"];

    [Fact]
    public void The_normalizer_skips_exactly_the_characters_it_leaves_alone()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            Assert.Equal(NoteNormalizer.MapChar((char)c) != (char)c, NoteNormalizer.Mapped.Contains((char)c));
        }
    }

    [Fact]
    public void Every_non_ascii_age_word_holds_an_anchor_character()
    {
        Assert.NotEmpty(AgePrefilters.NonAsciiAgeWordList);
        foreach (var word in AgePrefilters.NonAsciiAgeWordList)
        {
            Assert.True(word.AsSpan().ContainsAny(AgePrefilters.AgeAnchors), word);
            Assert.True(word.ToUpperInvariant().AsSpan().ContainsAny(AgePrefilters.AgeAnchors), word);
        }
    }

    [Fact]
    public void Words_before_a_duration_end_in_a_letter_or_run_on() =>
        Assert.All(FactTable.Load("not-age-before").Terms, w => Assert.True(w.EndsWith(@"\w*", StringComparison.Ordinal) || char.IsLetter(w.TrimEnd('?')[^1]), w));

    [Fact]
    public void Literal_tables_hold_lower_case_text()
    {
        foreach (var name in new[] { "age-words", "age-particles", "relation-words", "prefix-currencies" })
        {
            Assert.All(FactTable.Load(name).Terms, w => Assert.Equal(w.ToLowerInvariant(), w));
        }
    }

    [Fact]
    public void Every_row_names_a_language_and_a_term()
    {
        foreach (var file in Directory.GetFiles(ResourcesDir(), "*.tsv"))
        {
            var table = FactTable.Load(Path.GetFileNameWithoutExtension(file));
            Assert.NotEmpty(table.Rows);
            Assert.All(table.Rows, row => Assert.True(row.Length >= 2 && row[0].Length > 0 && row[1].Length > 0, $"{file}: {string.Join('\t', row)}"));
        }
    }

    [Fact]
    public void Magnitudes_state_a_value_and_a_spacing() =>
        Assert.All(FactPatterns.Magnitudes.Rows, row =>
        {
            Assert.True(double.TryParse(row[2], System.Globalization.CultureInfo.InvariantCulture, out var k) && k > 0, row[1]);
            Assert.Contains(row[3], Spacings);
        });

    [Fact]
    public void Titles_are_read_with_their_forms()
    {
        Assert.Contains(Titles.All, t => t is { Text: "Mme", Language: "fr", Form: TitleForm.Word, StatesAge: true, IsDisplayed: true });
        Assert.Contains(Titles.All, t => t is { Text: "様", Form: TitleForm.Suffix });
        Assert.Contains(Titles.All, t => t is { Text: "Lady", IsDisplayed: false });
        Assert.All(Titles.Of("de"), t => Assert.Equal("de", t.Language));
    }

    private static string ResourcesDir() => Clientele.TestKit.RepoPaths.Of("src", "Clientele.Core", "Facts", "Resources");
}
