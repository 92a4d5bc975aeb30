using Clientele.Core.Errors;
using Clientele.Core.Lexicon;

namespace Clientele.Core.Tests.Concepts;

public sealed class LexiconOverlayTests
{
    private const string Header = "concept_id,label,aliases,languages,freq_notes,examples,category\n";

    private static ConceptLexicon Apply(string csv) => LexiconOverlay.Apply(LexiconCsv.LoadBuiltin(), new StringReader(csv), "overlay.csv");

    [Fact]
    public void Overlay_concepts_join_the_lexicon_with_their_category_and_match_notes()
    {
        var lexicon = Apply(Header + "maison.solenne,Solenne line,solenne|ligne solenne|ソレンヌ,FR|JA,12,,product\n");
        var builtin = LexiconCsv.LoadBuiltin();
        Assert.Equal(builtin.Concepts.Count + 1, lexicon.Concepts.Count);
        var concept = lexicon.Concepts[lexicon.IndexOf("maison.solenne")];
        Assert.Equal("product", concept.Category);
        Assert.NotEqual(builtin.Fingerprint, lexicon.Fingerprint);
        var matches = Clientele.Core.Concepts.ConceptMatcher.Build(lexicon).Match("Elle a adoré la ligne Solenne.");
        Assert.Contains(matches, m => m.ConceptIndex == lexicon.IndexOf("maison.solenne"));
    }

    [Theory]
    [InlineData(",x,solenne,,,,product", 2, 1, "blank concept id")]
    [InlineData("m.a,x,s,,,,product", 2, 3, "no alias of 2+ characters")]
    [InlineData("m.a,x,solenne,,,,colours and stuff", 2, 7, "is not one of")]
    [InlineData("budget.flexible,x,solenne,,,,product", 2, 1, "already in the lexicon")]
    public void A_bad_overlay_row_is_an_error_naming_its_line_and_column(string row, int line, int column, string message)
    {
        var e = Assert.Throws<ClienteleInputException>(() => Apply(Header + row + "\n"));
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_blank_category_is_other_for_the_maison_to_fill_in() =>
        Assert.Equal(ConceptCategory.Other, Apply(Header + "m.a,Atelier,atelier privé,,,,\n").Concepts[^1].Category);
}
