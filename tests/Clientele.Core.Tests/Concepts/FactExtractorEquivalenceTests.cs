using Clientele.Core.Concepts;

namespace Clientele.Core.Tests.Concepts;

/// <summary>The prefiltered extractor must state exactly the facts the plain one did, note by note.</summary>
public class FactExtractorEquivalenceTests
{
    [Fact]
    public void Facts_equal_the_legacy_extractor_on_generated_notes()
    {
        var notes = GeneratedNotes.Read(clients: 3_400, seed: 5);
        Assert.InRange(notes.Count, 4_800, 8_000);

        // Both extractors' regexes carry a 100 ms match timeout, and the first match of a compiled regex on a busy
        // machine can spend that much in JIT and lose a fact; warm both up so only steady-state results are compared.
        foreach (var note in notes.Take(50))
        {
            LegacyFactExtractor.Extract(note.Text);
            FactExtractor.Extract(note.Text);
        }

        var withBudget = 0;
        var withAge = 0;
        foreach (var note in notes)
        {
            var expected = LegacyFactExtractor.Extract(note.Text);
            Assert.Equal(expected, FactExtractor.Extract(note.Text));
            withBudget += expected.BudgetLowK is null ? 0 : 1;
            withAge += expected.Age is null ? 0 : 1;
        }

        // The comparison only means something if the notes carry the facts the prefilters skip work for.
        Assert.True(withBudget > notes.Count / 10, $"{withBudget} budgets");
        Assert.True(withAge > notes.Count / 10, $"{withAge} ages");
    }

    [Theory]
    [InlineData("Meeting with Petit, 56, who is a FinTech Founder. Budget: Flexible.")]
    [InlineData("Mrs Anna Weber 63 wants a watch, us$ 5,000 to 8,000 or more")]
    [InlineData("Client 45 ans, budget 3-5K€, daughter 19, approx. €3,000")]
    [InlineData("顧客は45歳、予算は３－５K、フォロワー10万")]
    [InlineData("Husband 58, wife 55; raised 20M in funding; budget around 25K")]
    [InlineData("x3 A320 12 34 5678 eur 12 usd12 r$ 40")]
    [InlineData("EUR 4500 pour un cadeau, R$ 12.000, Us$7K, £ 900, chf\u00A03000, budget\u3000２万円")]
    [InlineData("Âge : 47, ETÀ 52, ВОЗРАСТ 61, возрастом 40, عمره 45, 年齢は38, 나이 29, âgée de 70 ans")]
    [InlineData("Mme Ａ，４５歳，ｂｕｄｇｅｔ　５Ｋ～８Ｋ；ᲀозраст 33")]
    public void Facts_equal_the_legacy_extractor_on_edge_cases(string text) =>
        Assert.Equal(LegacyFactExtractor.Extract(text), FactExtractor.Extract(text));

    [Fact]
    public void The_normalizer_skips_exactly_the_characters_it_leaves_alone()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            Assert.Equal(FactExtractor.MapChar((char)c) != (char)c, FactExtractor.Mapped.Contains((char)c));
        }
    }

    [Fact]
    public void Every_non_ascii_age_word_holds_an_anchor_character()
    {
        foreach (var word in new[] { "âgée", "âge", "âgé", "età", "возраст", "العمر", "عمره", "عمرها", "年齢", "年龄", "나이" })
        {
            Assert.True(word.AsSpan().ContainsAny(FactExtractor.AgeAnchors), word);
            Assert.True(word.ToUpperInvariant().AsSpan().ContainsAny(FactExtractor.AgeAnchors), word);
        }
    }
}
