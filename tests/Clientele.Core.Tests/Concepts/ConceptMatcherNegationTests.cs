using Clientele.Core.Concepts;
using Clientele.Core.Ingest;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;

namespace Clientele.Core.Tests.Concepts;

/// <summary>Issue 14, item 11: negation and hedges in the 12 languages, and one budget per stated range.</summary>
public class ConceptMatcherNegationTests
{
    private static readonly ConceptMatcher Matcher = ConceptMatcher.Build(LexiconCsv.LoadBuiltin());

    private static (string Id, bool Negated)[] Found(string text) =>
        Matcher.Match(text).Select(m => (Matcher.Lexicon.Concepts[m.ConceptIndex].Id, m.Negated)).ToArray();

    private static bool IsNegated(string text, string conceptPrefix)
    {
        var hits = Found(text).Where(f => f.Id.StartsWith(conceptPrefix, StringComparison.Ordinal)).ToList();
        Assert.True(hits.Count > 0, $"no {conceptPrefix} in '{text}': [{string.Join(", ", Found(text))}]");
        return hits.All(h => h.Negated);
    }

    [Theory]
    [InlineData("EN", "Not a fan of black, she said.", "colour.black")]
    [InlineData("EN", "He doesn't like handbags at all", "product.handbag")]
    [InlineData("FR", "pas fan noir", "colour.black")]
    [InlineData("FR", "Elle n'aime pas le noir", "colour.black")]
    [InlineData("DE", "Kein Interesse an Handtaschen", "product.handbag")]
    [InlineData("DE", "Sie mag kein Schwarz", "colour.black")]
    [InlineData("ES", "No le gusta el negro", "colour.black")]
    [InlineData("IT", "Non gli piace il nero", "colour.black")]
    [InlineData("PT", "Não gosta de preto", "colour.black")]
    [InlineData("NL", "Houdt niet van zwart", "colour.black")]
    [InlineData("RU", "Не нравится чёрный цвет", "colour.black")]
    [InlineData("RU", "Чёрный не нравится", "colour.black")]
    [InlineData("AR", "لا يحب الحقائب", "product.handbag")]
    [InlineData("ZH", "不喜欢手袋", "product.handbag")]
    [InlineData("JA", "バッグは好きではない", "product.handbag")]
    [InlineData("KO", "가방은 싫어", "product.handbag")]
    public void Negation_cue_marks_the_match_negated_in_every_language(string language, string text, string concept)
    {
        _ = language;
        Assert.True(IsNegated(text, concept), string.Join(", ", Found(text)));
    }

    [Theory]
    [InlineData("Fan of black, she said.", "colour.black")]
    [InlineData("He likes handbags a lot", "product.handbag")]
    [InlineData("fan noir", "colour.black")]
    [InlineData("Elle aime le noir", "colour.black")]
    [InlineData("Interesse an Handtaschen", "product.handbag")]
    [InlineData("Le gusta el negro", "colour.black")]
    [InlineData("Gli piace il nero", "colour.black")]
    [InlineData("Gosta de preto", "colour.black")]
    [InlineData("Houdt van zwart", "colour.black")]
    [InlineData("Чёрный цвет", "colour.black")]
    [InlineData("يحب الحقائب", "product.handbag")]
    [InlineData("喜欢手袋", "product.handbag")]
    [InlineData("バッグが好き", "product.handbag")]
    [InlineData("가방을 좋아해", "product.handbag")]
    public void The_same_words_without_a_cue_still_match_positively(string text, string concept) =>
        Assert.False(IsNegated(text, concept), string.Join(", ", Found(text)));

    [Fact]
    public void Negation_stops_at_a_clause_end_or_a_contrast_word()
    {
        Assert.False(IsNegated("Doesn't like red, loves black", "colour.black"));
        Assert.False(IsNegated("Not red but black", "colour.black"));
        Assert.True(IsNegated("Not red but black", "colour.red"));
    }

    [Fact]
    public void Negation_words_inside_an_alias_negate_nothing()
    {
        Assert.False(IsNegated("Budget: no limit", "budget.no_limit"));
        Assert.False(IsNegated("pas de limite de budget", "budget.no_limit"));
    }

    [Fact]
    public void Matcher_built_without_cues_flags_nothing() =>
        Assert.DoesNotContain(ConceptMatcher.Build(LexiconCsv.LoadBuiltin(), null).Match("pas fan noir"), m => m.Negated);

    [Fact]
    public void Negated_concept_never_counts_in_the_profile_but_is_seen_by_on_match()
    {
        var seen = new List<ConceptMatch>();
        var builder = new ProfileBuilder(Matcher) { OnMatch = (_, m) => seen.Add(m) };
        builder.Add(new Note("A", null, "FR", "pas fan noir, cherche un sac", 2));
        var profile = Assert.Single(builder.Build());
        var black = Matcher.Lexicon.IndexOf("colour.black");
        Assert.DoesNotContain(black, profile.Concepts);
        Assert.Contains(Matcher.Lexicon.IndexOf("product.handbag"), profile.Concepts);
        Assert.Equal(1, profile.NegatedCount);
        Assert.Contains(seen, m => m.ConceptIndex == black && m.Negated);
    }

    [Theory]
    [InlineData("Budget 5-10K")]
    [InlineData("budget 5 - 10k")]
    [InlineData("budget 5 to 10k")]
    [InlineData("budget 5k-10k")]
    [InlineData("budget de 5 à 10k")]
    public void One_stated_budget_range_yields_one_budget_concept(string text)
    {
        var tiers = Found(text).Where(f => f.Id.StartsWith("budget.tier", StringComparison.Ordinal)).ToList();
        Assert.Equal("budget.tier_mid", Assert.Single(tiers).Id);
    }

    [Fact]
    public void A_single_amount_after_a_word_is_still_its_own_budget()
    {
        Assert.Equal(["budget.tier_high"], Found("bag - 10k").Select(f => f.Id).Where(i => i.StartsWith("budget.tier", StringComparison.Ordinal)));
        Assert.Equal(["budget.tier_high"], Found("Budget 10K").Select(f => f.Id).Where(i => i.StartsWith("budget.tier", StringComparison.Ordinal)));
    }

    [Fact]
    public void Builtin_negation_cues_cover_the_twelve_languages() =>
        Assert.Equal(12, NegationCues.LoadBuiltin().Cues.Select(c => c.Language).Distinct().Count());
}
