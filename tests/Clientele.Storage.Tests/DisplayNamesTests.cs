using Clientele.Core.Text;
using Clientele.Storage.Store;

namespace Clientele.Storage.Tests;

public sealed class DisplayNamesTests
{
    [Theory]
    [InlineData("Rendez-vous Mme Laurent, avocate affaires 45 ans, cliente occasionnelle.", "Mme Laurent")]
    [InlineData("Meeting with Mr. Anderson, first time customer, investment banker", "Mr. Anderson")]
    [InlineData("Signora Rossi e figlia insieme, cliente fedele da 2020.", "Signora Rossi")]
    [InlineData("Hu様、47歳、Microbiologist。Burnt OrangeのExotic Travel Trunkをご希望。", "Hu様")]
    [InlineData("Ito님 (68세), Fashion Photographer. Ivory White Diamond Brooch 구매 희망.", "Ito님")]
    [InlineData("Anderson先生/女士，41岁，职业为Yacht Designer。", "Anderson先生")]
    [InlineData("السيد/السيدة Sokolov (55 عاماً)، Private Equity Partner.", "Sokolov")]
    [InlineData("Martin, 69 лет, Dermatologist. Ищет Exotic Travel Trunk в цвете Cognac.", "Martin")]
    [InlineData("Fontaine, 57 jaar, Microbiologist. Zoekt Bespoke Cufflinks in Royal Purple.", "Fontaine")]
    [InlineData("Sra/Sr. Nakamura, 49 anos, Microbiologist. Procura Handmade Boots.", "Nakamura")]
    [InlineData("M. Dubois, 62 ans retraité, ancien dirigeant bancaire.", "M. Dubois")]
    [InlineData("Mr. and Mrs. Kim, Korean couple living in London, late 40s.", "Mr. and Mrs. Kim")]
    [InlineData("Herr und Frau Weber, beide 52 Jahre, regelmäßige Kunden seit 2018.", "Herr und Frau Weber")]
    [InlineData("Sra. Martínez y madre juntas, clientas ocasionales.", "Sra. Martínez")]
    [InlineData("Frau Schneider, 47 Jahre, Unternehmerin Modebranche.", "Frau Schneider")]
    [InlineData("  Mme de Villiers, 50 ans", "Mme de Villiers")]
    [InlineData("Signor e Signora De Santis, coppia", "Signor e Signora De Santis")]
    [InlineData("田中様、52歳。", "田中様")]
    [InlineData("Meeting with De Luca, 55, who is a Astro-Physicist.", "De Luca")]
    [InlineData("Rendez-vous avec Patel, 59 ans, Classical Violinist.", "Patel")]
    [InlineData("Treffen mit Sun, 70 Jahre, Interior Designer.", "Sun")]
    [InlineData("de Vos様、49歳、AI Researcher。", "de Vos様")]
    [InlineData("De Luca先生/女士，35岁，职业为Antique Restorer。", "De Luca先生")]
    [InlineData("de Vos, 28 jaar, Interior Designer.", "de Vos")]
    public void Finds_the_name_the_note_opens_with(string note, string expected) =>
        Assert.Equal(expected, DisplayNames.Guess(note));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Budget 3-4K flexible, looking for a travel bag.")]
    [InlineData("Client, 45 ans, cherche un cadeau.")]
    [InlineData("고객님 (45세), 선물 구매 희망.")]
    [InlineData("Looking for a gift for Mr. Smith's wife, budget 5K.")]
    [InlineData("Meeting, 25 min, discussed handbags.")]
    [InlineData("Meeting with the Paris team about Lady Dior stock.")]
    [InlineData("Sir Richard and Lady Catherine, both 68, VIP clients.")]
    public void Gives_nothing_when_unsure(string note) =>
        Assert.Equal(string.Empty, DisplayNames.Guess(note));

    [Fact]
    public void Tolerates_null() => Assert.Equal(string.Empty, DisplayNames.Guess(null!));

    [Fact]
    public void Every_displayed_title_of_the_shared_list_names_a_client()
    {
        foreach (var title in Titles.All.Where(t => t.IsDisplayed))
        {
            var (note, expected) = title.Form switch
            {
                TitleForm.Suffix => ($"Weber{title.Text}、47歳。", $"Weber{title.Text}"),
                TitleForm.Unshown => ($"{title.Text} Weber (55 عاماً)، Partner.", "Weber"),
                _ => ($"{title.Text} Weber, 45 ans, avocate.", $"{title.Text} Weber"),
            };
            Assert.Equal(expected, DisplayNames.Guess(note));
        }
    }

    [Fact]
    public void Titles_the_list_keeps_from_display_give_no_name()
    {
        foreach (var title in Titles.All.Where(t => !t.IsDisplayed))
        {
            Assert.Equal(string.Empty, DisplayNames.Guess($"{title.Text} Weber wants a watch."));
        }
    }
}
