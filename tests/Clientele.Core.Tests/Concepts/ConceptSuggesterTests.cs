using Clientele.Core.Concepts;
using Clientele.Core.Ingest;
using Clientele.Core.Lexicon;

namespace Clientele.Core.Tests.Concepts;

public sealed class ConceptSuggesterTests
{
    private static readonly ConceptMatcher Matcher = ConceptMatcher.Build(LexiconCsv.LoadBuiltin());

    /// <summary>
    /// 200 English clients; buyers (every third) mention the invented "Solenne" line, a tenth of all clients an
    /// "Orvane" clasp whatever they do, and every note has the same grammar and a client name after "Mme".
    /// </summary>
    private static List<Note> Notes()
    {
        var notes = new List<Note>();
        for (var i = 0; i < 200; i++)
        {
            var text = $"Mme Lavalette{i % 7} came in. She asked about the weather."
                + (i % 3 == 0 ? " Loved the Solenne line." : string.Empty)
                + (i % 10 == 0 ? " Orvane clasp shown." : string.Empty)
                + " Looking for a gift.";
            notes.Add(new Note($"C{i:D3}", new DateOnly(2026, 3, 1), "EN", text, i + 2));
        }

        return notes;
    }

    [Fact]
    public void With_outcomes_the_phrase_that_goes_with_buying_ranks_first()
    {
        var suggestions = ConceptSuggester.Suggest(Matcher, Notes(), id => int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) % 3 == 0);
        Assert.Contains("solenne", suggestions[0].Phrase, StringComparison.Ordinal);
        Assert.True(suggestions[0].LogOdds > 2);
        var orvane = suggestions.First(s => s.Phrase.Contains("orvane", StringComparison.Ordinal));
        Assert.True(Math.Abs(orvane.Z!.Value) < Math.Abs(suggestions[0].Z!.Value));
    }

    [Fact]
    public void Grammar_concept_matches_and_names_after_titles_are_never_suggested()
    {
        var phrases = ConceptSuggester.Suggest(Matcher, Notes()).Select(s => s.Phrase).ToList();
        Assert.Contains(phrases, p => p.Contains("orvane", StringComparison.Ordinal));
        Assert.DoesNotContain(phrases, p => p.Contains("lavalette", StringComparison.Ordinal));
        Assert.DoesNotContain("the", phrases);
        Assert.DoesNotContain(phrases, p => p.Contains("gift", StringComparison.Ordinal));
    }

    [Fact]
    public void The_written_overlay_loads_back_as_concepts()
    {
        var suggestions = ConceptSuggester.Suggest(Matcher, Notes());
        var csv = new StringWriter();
        ConceptSuggestionCsv.Write(csv, suggestions);
        var lexicon = LexiconOverlay.Apply(LexiconCsv.LoadBuiltin(), new StringReader(csv.ToString()), "overlay.csv");
        Assert.Equal(LexiconCsv.LoadBuiltin().Concepts.Count + suggestions.Count, lexicon.Concepts.Count);
        Assert.Equal(suggestions[0].Phrase, lexicon.Concepts[lexicon.IndexOf("maison.0001")].Label);
    }
}
