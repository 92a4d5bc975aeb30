using Clientele.Core.Concepts;
using Clientele.Core.Lexicon;
using Clientele.Core.Text;
using FsCheck;
using FsCheck.Fluent;
using TestData = Clientele.TestKit.TestData;

namespace Clientele.Core.Tests.Concepts;

public class ConceptMatcherTests
{
    private static readonly ConceptMatcher Matcher = ConceptMatcher.Build(TestData.Lexicon());

    private static string[] Found(string text) =>
        Matcher.Match(text).Select(m => Matcher.Lexicon.Concepts[m.ConceptIndex].Id).ToArray();

    [Fact]
    public void Accents_and_case_are_folded_on_both_sides()
    {
        Assert.Equal(["hesitation"], Found("Elle HESITE encore"));
        Assert.Equal(["luxury.exclusive"], Found("une Piece Exceptionnelle"));
    }

    [Fact]
    public void Cjk_matches_need_no_spaces()
    {
        Assert.Equal(["gift.birthday", "intent.looking"], Found("奥様の誕生日プレゼントをお探し"));
        Assert.Equal(["intent.looking", "gift.birthday"], Found("寻找生日礼物"));
    }

    [Fact]
    public void Spaced_scripts_need_word_boundaries()
    {
        Assert.Empty(Found("baggage golfer"));
        Assert.Equal(["product.bag", "hobby.golf"], Found("bag, golf."));
    }

    [Fact]
    public void Leftmost_longest_wins_over_a_shorter_alias()
    {
        var matches = Matcher.Match("a travel bag please");
        var m = Assert.Single(matches);
        Assert.Equal("product.travel_bag", Matcher.Lexicon.Concepts[m.ConceptIndex].Id);
        Assert.Equal((2, 12), (m.Start, m.End));
    }

    [Fact]
    public void Offsets_point_into_the_original_text()
    {
        const string text = "Il cherche un SAC de Voyage.";
        var m = Assert.Single(Matcher.Match(text), x => Matcher.Lexicon.Concepts[x.ConceptIndex].Id == "product.travel_bag");
        Assert.Equal("SAC de Voyage", text[m.Start..m.End]);
    }

    [Fact]
    public void Latin_aliases_inside_cjk_text_are_bounded_by_the_cjk_characters()
    {
        Assert.Equal(["hobby.golf", "hobby.golf", "product.bag"], Found("趣味はゴルフとgolfのbagを"));
    }

    [Fact]
    public void Hangul_stems_match_inside_words()
    {
        Assert.Equal(["gift.birthday"], Found("아내 생일 선물을 찾음"));
    }

    private static readonly string[] Pieces =
    [
        "bag", "travel bag", "golf", "exclusive", "hésite", "誕生日プレゼント", "寻找", "限定", " ", " ", ", ", "x", "é", "baggage", "-", "バッグ", "Golfer", "BAG", "a",
    ];

    [FsCheck.Xunit.Property(MaxTest = 500, Replay = "12345,67891")]
    public Property Every_match_is_an_alias_at_word_boundaries_and_matches_do_not_overlap()
    {
        var gen = Gen.ArrayOf(Gen.Elements(Pieces)).Select(parts => string.Concat(parts));
        return Prop.ForAll(gen.ToArbitrary(), text =>
        {
            var matches = Matcher.Match(text);
            var folded = TextFolder.Fold(text);
            var previousEnd = 0;
            foreach (var m in matches)
            {
                var alias = TextFolder.Fold(Matcher.Lexicon.Concepts[m.ConceptIndex].Aliases[m.AliasIndex]);
                if (folded[m.Start..m.End] != alias || m.Start < previousEnd)
                {
                    return false;
                }

                var first = alias[0];
                var last = alias[^1];
                if (!TextFolder.IsUnspacedScript(first) && m.Start > 0 && !TextFolder.IsBoundary(text[m.Start - 1]))
                {
                    return false;
                }

                if (!TextFolder.IsUnspacedScript(last) && m.End < text.Length && !TextFolder.IsBoundary(text[m.End]))
                {
                    return false;
                }

                previousEnd = m.End;
            }

            return true;
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 300, Replay = "424242,171717")]
    public Property An_alias_between_spaces_is_always_found(NonNegativeInt which, NonNegativeInt alias)
    {
        var concepts = Matcher.Lexicon.Concepts;
        var c = concepts[which.Get % concepts.Count];
        var a = c.Aliases[alias.Get % c.Aliases.Count];
        var found = Matcher.Match("xx " + a + " yy");
        return (found.Count > 0 && found.Any(m => m.Start <= 3 && m.End >= 3 + a.Length)).ToProperty();
    }

    [Fact]
    public void Text_folder_keeps_length_so_offsets_survive()
    {
        const string s = "Éléonore ＡＢＣ ёлка أحمد";
        Assert.Equal(s.Length, TextFolder.Fold(s).Length);
        Assert.StartsWith("eleonore abc елка", TextFolder.Fold(s), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_aliases_across_concepts_go_to_the_first_concept()
    {
        var lexicon = new ConceptLexicon("t", [new Concept("a", "a", "other", ["same thing"]), new Concept("b", "b", "other", ["Same Thing"])]);
        var m = Assert.Single(ConceptMatcher.Build(lexicon).Match("the same thing"));
        Assert.Equal(0, m.ConceptIndex);
    }
}
