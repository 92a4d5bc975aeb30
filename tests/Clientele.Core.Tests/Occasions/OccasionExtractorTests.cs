using Clientele.Core.Occasions;

namespace Clientele.Core.Tests.Occasions;

public class OccasionExtractorTests
{
    private static readonly DateOnly NoteDate = new(2026, 11, 20);

    [Theory]
    [InlineData("her birthday is on 14 March", "birthday")]
    [InlineData("anniversaire le 14 mars", "birthday")]
    [InlineData("Geburtstag am 14. März", "birthday")]
    [InlineData("cumpleaños el 14 de marzo", "birthday")]
    [InlineData("compleanno il 14 marzo", "birthday")]
    [InlineData("aniversário em 14 de março", "birthday")]
    [InlineData("verjaardag op 14 maart", "birthday")]
    [InlineData("день рождения 14 марта", "birthday")]
    [InlineData("عيد ميلادها في 14 مارس", "birthday")]
    [InlineData("誕生日は3月14日", "birthday")]
    [InlineData("생일은 3월 14일", "birthday")]
    [InlineData("生日是3月14日", "birthday")]
    [InlineData("birthday 14/03", "birthday")]
    [InlineData("wedding anniversary on March 14th", "wedding_anniversary")]
    [InlineData("aniversario de boda el 14 de marzo", "wedding_anniversary")]
    public void The_issue_examples_give_14_March(string text, string kind)
    {
        var occasion = Assert.Single(OccasionExtractor.Builtin.Extract("c", NoteDate, text));
        Assert.Equal(kind, occasion.Kind);
        Assert.Equal(new DateOnly(2027, 3, 14), occasion.Date);
        Assert.Equal((3, 14), (occasion.Month!.Value, occasion.Day!.Value));
    }

    [Fact]
    public void Offsets_point_into_the_original_text()
    {
        const string text = "Mme Laurent, 52 ans, cherche un cadeau pour l’Anniversaire de Mariage le 12 octobre, budget 5K.";
        var occasion = Assert.Single(OccasionExtractor.Builtin.Extract("c", NoteDate, text));
        Assert.Equal(OccasionKinds.WeddingAnniversary, occasion.Kind);
        Assert.Equal("Anniversaire de Mariage le 12 octobre", occasion.Text);
        Assert.Equal(occasion.Text, text[occasion.Start..occasion.End]);
        Assert.Equal(new DateOnly(2027, 10, 12), occasion.Date);
    }

    [Theory]
    [InlineData("Not a birthday gift, a treat for herself.")]
    [InlineData("Pas pour un anniversaire, un simple cadeau.")]
    [InlineData("Kein Geburtstagsgeschenk.")]
    [InlineData("誕生日プレゼントではなく、ご自身用。")]
    [InlineData("不是生日礼物。")]
    [InlineData("Budget 2.5K, decision by 3.5 at the latest, returns tomorrow.")]
    [InlineData("")]
    public void Negated_mentions_and_notes_without_occasions_give_nothing(string text) =>
        Assert.Empty(OccasionExtractor.Builtin.Extract("c", NoteDate, text));

    [Fact]
    public void Two_occasions_in_one_note_get_their_own_dates_and_a_repeated_kind_is_one_occasion()
    {
        var found = OccasionExtractor.Builtin.Extract("c", NoteDate, "Birthday on 2 May and wedding anniversary on 12 October. A birthday gift, then.");
        Assert.Equal(2, found.Count);
        Assert.Equal(new DateOnly(2027, 5, 2), found.Single(o => o.Kind == OccasionKinds.Birthday).Date);
        Assert.Equal(new DateOnly(2027, 10, 12), found.Single(o => o.Kind == OccasionKinds.WeddingAnniversary).Date);
    }

    [Fact]
    public void A_birthday_party_is_a_birthday_not_also_an_event()
    {
        var occasion = Assert.Single(OccasionExtractor.Builtin.Extract("c", NoteDate, "Birthday party on 5 December."));
        Assert.Equal(OccasionKinds.Birthday, occasion.Kind);
        Assert.Equal(new DateOnly(2026, 12, 5), occasion.Date);
    }

    [Fact]
    public void A_date_in_another_sentence_is_not_the_occasions_date()
    {
        var occasion = Assert.Single(OccasionExtractor.Builtin.Extract("c", NoteDate, "Came in on 3 November. She mentioned her birthday."));
        Assert.Null(occasion.Month);
    }

    [Fact]
    public void Hostile_input_is_bounded()
    {
        var text = string.Concat(Enumerable.Repeat("birthday 14/03/ 12. 3月 next week ", 5_000));
        var found = OccasionExtractor.Builtin.Extract("c", NoteDate, text);
        Assert.NotEmpty(found);
        Assert.All(found, o => Assert.True(o.End <= 20_000));
    }
}
