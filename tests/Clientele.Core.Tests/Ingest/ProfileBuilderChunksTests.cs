using Clientele.Core.Concepts;
using Clientele.Core.Ingest;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;
using Clientele.Core.Tests.Concepts;

namespace Clientele.Core.Tests.Ingest;

/// <summary>
/// <see cref="ProfileBuilder.AddRange"/> reads the next chunk of notes while the one before is analysed in parallel
/// and merged; its profiles must equal those of adding the notes one by one, over enough notes for several chunks.
/// </summary>
public class ProfileBuilderChunksTests
{
    private static string Render(ClientProfile p) => string.Join('|',
        p.ClientId, string.Join(',', p.Concepts), string.Join(',', p.Aliases), p.LongAliasCount, p.NegatedCount, p.NoteCount, p.TextLength,
        p.FirstDate, p.LastDate, p.Facts, string.Join(',', p.Tokens), string.Join(',', p.Languages), p.Consent, p.ConsentFrom);

    [Fact]
    public void Profiles_of_many_chunks_equal_those_of_one_note_at_a_time_token_texts_included()
    {
        var notes = GeneratedNotes.Read(6000, seed: 21);
        var matcher = ConceptMatcher.Build(LexiconCsv.LoadBuiltin());
        Assert.True(notes.Count > 4 * 2048, $"{notes.Count} notes: too few for several chunks in flight");

        var oneByOne = new ProfileBuilder(matcher);
        foreach (var note in notes)
        {
            oneByOne.Add(note);
        }

        var chunked = new ProfileBuilder(matcher);
        chunked.AddRange(notes);

        var expected = oneByOne.Build();
        var actual = chunked.Build();
        Assert.Equal(expected.Select(Render), actual.Select(Render));
        var expectedTexts = expected[0].TokenTexts!;
        var actualTexts = actual[0].TokenTexts!;
        Assert.Equal(expectedTexts.Count, actualTexts.Count);
        Assert.All(expectedTexts, kv => Assert.Equal(kv.Value, actualTexts[kv.Key]));
    }

    [Fact]
    public void A_bad_row_mid_file_stops_the_builder_with_its_error_after_the_chunks_in_flight()
    {
        var notes = GeneratedNotes.Read(6000, seed: 22);
        IEnumerable<Note> Failing()
        {
            for (var i = 0; i < notes.Count; i++)
            {
                if (i == 3 * 2048 + 5)
                {
                    throw new InvalidDataException("row 6149 is broken");
                }

                yield return notes[i];
            }
        }

        Assert.True(notes.Count > 3 * 2048 + 5);
        var builder = new ProfileBuilder(ConceptMatcher.Build(LexiconCsv.LoadBuiltin()));
        var e = Assert.Throws<InvalidDataException>(() => builder.AddRange(Failing()));
        Assert.Contains("6149", e.Message, StringComparison.Ordinal);
    }
}
