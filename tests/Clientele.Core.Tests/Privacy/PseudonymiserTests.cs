using Clientele.Core.Concepts;
using Clientele.Core.Lexicon;
using Clientele.Core.Privacy;

namespace Clientele.Core.Tests.Privacy;

/// <summary>Issue 15 item 10: identifiers planted in notes of the 12 languages are replaced by tokens, and no concept is lost.</summary>
public sealed class PseudonymiserTests
{
    private static readonly Lazy<(List<(string Lang, string Text)> Notes, List<(string Lang, string Kind, string Value)> Ids)> Corpus = new(Read);

    private static readonly ConceptMatcher Matcher = ConceptMatcher.Build(LexiconCsv.LoadBuiltin());

    public static IEnumerable<object[]> Planted()
    {
        var (notes, ids) = Corpus.Value;
        foreach (var (lang, text) in notes)
        {
            foreach (var id in ids.Where(i => i.Lang == "*" || i.Lang == lang))
            {
                yield return [lang, id.Kind, id.Value, text.Replace("{id}", id.Value, StringComparison.Ordinal)];
            }
        }
    }

    [Fact]
    public void The_corpus_covers_the_12_languages_with_at_least_100_planted_notes_and_every_kind()
    {
        var planted = Planted().ToList();
        Assert.True(planted.Count >= 100, planted.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["AR", "DE", "EN", "ES", "FR", "IT", "JA", "KO", "NL", "PT", "RU", "ZH"], planted.Select(p => (string)p[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["address", "card", "email", "iban", "phone"], planted.Select(p => (string)p[1]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(Corpus.Value.Ids.Where(i => i.Kind == "iban"), i => Assert.True(Pseudonymiser.IsIban(i.Value), i.Value));
        Assert.All(Corpus.Value.Ids.Where(i => i.Kind == "card"), i => Assert.True(Pseudonymiser.PassesLuhn(i.Value), i.Value));
    }

    [Fact]
    public void Every_planted_identifier_is_replaced_by_its_token_and_every_concept_is_kept()
    {
        var failures = new List<string>();
        var withConcepts = 0;
        foreach (var row in Planted())
        {
            var (lang, kind, value, note) = ((string)row[0], (string)row[1], (string)row[2], (string)row[3]);
            var after = Pseudonymiser.Builtin.Apply(note);
            if (after.Contains(value, StringComparison.Ordinal) || !after.Contains("[" + kind + "]", StringComparison.Ordinal))
            {
                failures.Add($"{lang} {kind} '{value}' → {after}");
            }

            var before = Concepts(note);
            withConcepts += before.Count > 0 ? 1 : 0;
            if (!before.SetEquals(Concepts(after)))
            {
                failures.Add($"{lang} {kind}: concepts {string.Join('|', before.Order(StringComparer.Ordinal))} became {string.Join('|', Concepts(after).Order(StringComparer.Ordinal))} in {after}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)) + $"\n({failures.Count} failures)");
        Assert.True(withConcepts >= Planted().Count() * 9 / 10, "most notes should carry concepts, or keeping them proves little");
    }

    [Theory]
    [InlineData("Budget 50 000 € for the anniversary on 2025-03-01, meeting 01.02.2025 at 10:30.")]
    [InlineData("IBAN DE88 3704 0044 0532 0130 00 has a wrong check digit.")]
    [InlineData("Card 4111 1111 1111 1112 fails the Luhn check.")]
    [InlineData("She lives on the avenue near the park; rue de la Paix is her favourite street.")]
    [InlineData("予算は300万円、2025年3月1日に来店。")]
    [InlineData("예산으로 300만원 생각하심.")]
    public void Text_without_an_identifier_is_left_exactly_as_it_was(string text) =>
        Assert.Equal(text, Pseudonymiser.Builtin.Apply(text));

    [Fact]
    public void An_iban_followed_by_a_word_is_still_found_and_the_word_kept()
    {
        Assert.Equal("Pays from [iban] VIP account.", Pseudonymiser.Builtin.Apply("Pays from DE89370400440532013000 VIP account."));
    }

    private static HashSet<string> Concepts(string text) =>
        Matcher.Match(text).Select(m => m.ConceptIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) + (m.Negated ? "!" : string.Empty)).ToHashSet(StringComparer.Ordinal);

    private static (List<(string, string)>, List<(string, string, string)>) Read()
    {
        var notes = new List<(string, string)>();
        var ids = new List<(string, string, string)>();
        foreach (var line in File.ReadLines(Clientele.TestKit.RepoPaths.Of("tests", "Clientele.Core.Tests", "Privacy", "pseudonymisation_corpus.tsv")))
        {
            var cells = line.Split('\t');
            switch (cells[0])
            {
                case "note":
                    notes.Add((cells[1], cells[2]));
                    break;
                case "id":
                    ids.Add((cells[1], cells[2], cells[3]));
                    break;
            }
        }

        return (notes, ids);
    }
}
