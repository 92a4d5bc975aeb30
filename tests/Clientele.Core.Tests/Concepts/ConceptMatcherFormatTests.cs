using Clientele.Core.Concepts;
using Clientele.Core.Errors;
using Clientele.Core.Lexicon;

namespace Clientele.Core.Tests.Concepts;

/// <summary>The saved automaton (<see cref="ConceptMatcher.Save"/>) loads to a matcher that matches exactly as the built one.</summary>
public class ConceptMatcherFormatTests
{
    private static readonly ConceptLexicon Builtin = LexiconCsv.LoadBuiltin();

    private static byte[] Saved(ConceptMatcher matcher)
    {
        using var buffer = new MemoryStream();
        matcher.Save(buffer);
        return buffer.ToArray();
    }

    private static List<string> Matches(ConceptMatcher matcher, IEnumerable<string> texts)
    {
        var rows = new List<string>();
        foreach (var text in texts)
        {
            foreach (var m in matcher.Match(text))
            {
                rows.Add($"{m.ConceptIndex}:{m.AliasIndex}:{m.Start}:{m.End}:{m.Negated}");
            }

            rows.Add("|");
        }

        return rows;
    }

    [Fact]
    public void A_loaded_automaton_matches_generated_notes_exactly_as_the_built_one()
    {
        var built = ConceptMatcher.Build(Builtin, NegationCues.LoadBuiltin());
        var loaded = ConceptMatcher.Load(new MemoryStream(Saved(built)), Builtin, NegationCues.LoadBuiltin(), "matcher.bin");

        Assert.NotNull(loaded);
        var notes = GeneratedNotes.Read(400, seed: 11).Select(n => n.Text).ToList();
        var expected = Matches(built, notes);
        Assert.True(expected.Count > notes.Count * 2, "the notes should hold matches to compare");
        Assert.Equal(expected, Matches(loaded, notes));
        Assert.Equal(built.PatternCount, loaded.PatternCount);
    }

    [Fact]
    public void Saving_is_deterministic_and_a_loaded_automaton_saves_the_same_bytes()
    {
        var first = Saved(ConceptMatcher.Build(Builtin, NegationCues.LoadBuiltin()));
        var second = Saved(ConceptMatcher.Build(Builtin, NegationCues.LoadBuiltin()));
        var again = Saved(ConceptMatcher.Load(new MemoryStream(first), Builtin, NegationCues.LoadBuiltin(), "matcher.bin")!);

        Assert.Equal(first, second);
        Assert.Equal(first, again);
    }

    [Fact]
    public void An_automaton_of_another_lexicon_is_not_loaded()
    {
        var saved = Saved(ConceptMatcher.Build(Builtin, NegationCues.LoadBuiltin()));
        var other = TestKit.TestData.Lexicon();

        Assert.Null(ConceptMatcher.Load(new MemoryStream(saved), other, NegationCues.LoadBuiltin(), "matcher.bin"));
    }

    [Fact]
    public void A_newer_format_version_is_not_loaded()
    {
        var saved = Saved(ConceptMatcher.Build(Builtin, NegationCues.LoadBuiltin()));
        BitConverter.GetBytes(ConceptMatcher.FormatVersion + 1).CopyTo(saved, 4);

        Assert.Null(ConceptMatcher.Load(new MemoryStream(saved), Builtin, NegationCues.LoadBuiltin(), "matcher.bin"));
    }

    [Fact]
    public void Truncated_or_foreign_bytes_are_a_clear_error_naming_the_part()
    {
        var saved = Saved(ConceptMatcher.Build(Builtin, NegationCues.LoadBuiltin()));

        var truncated = Assert.Throws<ClienteleInputException>(() =>
            ConceptMatcher.Load(new MemoryStream(saved[..(saved.Length / 2)]), Builtin, NegationCues.LoadBuiltin(), "m/matcher.bin"));
        var foreign = Assert.Throws<ClienteleInputException>(() =>
            ConceptMatcher.Load(new MemoryStream("not an automaton at all"u8.ToArray()), Builtin, NegationCues.LoadBuiltin(), "m/matcher.bin"));

        Assert.Contains("m/matcher.bin", truncated.Message, StringComparison.Ordinal);
        Assert.Contains("m/matcher.bin", foreign.Message, StringComparison.Ordinal);
    }
}
