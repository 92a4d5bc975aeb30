using Clientele.Core.Features;

namespace Clientele.Core.Tests.Features;

public class NoteTokensTests
{
    private static List<uint> Tokens(string text)
    {
        var tokens = new List<uint>();
        NoteTokens.Append(text, tokens);
        return tokens;
    }

    private static uint T(string folded) => NoteTokens.Of(folded);

    [Fact]
    public void Words_are_folded_like_the_matcher_folds_them_and_sentences_are_broken()
    {
        Assert.Equal([T("piece"), T("exceptionnelle"), NoteTokens.Break, T("solenne"), NoteTokens.Break], Tokens("Pièce  EXCEPTIONNELLE. Solenne"));
    }

    [Fact]
    public void A_title_and_the_capitalised_words_after_it_are_not_tokens()
    {
        Assert.Equal([T("vient"), T("pour"), T("solenne"), NoteTokens.Break], Tokens("Mme Laurent vient pour Solenne"));
        Assert.Equal([T("looked"), T("at"), T("kalyra"), NoteTokens.Break], Tokens("Mr. Anderson looked at Kalyra"));
    }

    [Fact]
    public void The_name_before_a_suffix_title_is_not_a_token()
    {
        Assert.DoesNotContain(T("田"), Tokens("田中様、ソレンヌ"));
        Assert.DoesNotContain(T("中"), Tokens("田中様、ソレンヌ"));
        Assert.Contains(T("ソ"), Tokens("田中様、ソレンヌ"));
        Assert.DoesNotContain(T("hu"), Tokens("Hu様、ソレンヌ"));
    }

    [Fact]
    public void Han_kana_and_hangul_characters_are_one_token_each_and_marked_as_characters()
    {
        var tokens = Tokens("ソレンヌ");
        Assert.Equal(5, tokens.Count);
        Assert.All(tokens.Take(4), t => Assert.True(NoteTokens.IsCharacter(t)));
        Assert.False(NoteTokens.IsCharacter(T("solenne")));
    }

    [Fact]
    public void Grams_are_word_one_and_two_grams_and_character_one_to_three_grams_never_across_a_break()
    {
        var counts = new Dictionary<ulong, int>();
        TextGrams.Count(Tokens("la ligne Solenne. ソレン"), counts);
        Assert.Contains(TextGrams.Key(["ligne", "solenne"]), counts.Keys);
        Assert.Contains(TextGrams.Key(["ソ", "レ", "ン"]), counts.Keys);
        Assert.DoesNotContain(TextGrams.Key(["solenne", "ソ"]), counts.Keys);
        // 3 words → 3 + 2 grams; 3 characters → 3 + 2 + 1 grams.
        Assert.Equal(11, counts.Count);
    }
}
