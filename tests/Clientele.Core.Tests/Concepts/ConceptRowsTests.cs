using System.Buffers;
using System.Text;
using Clientele.Core.Concepts;
using Clientele.Core.Ingest;
using Clientele.Core.Lexicon;

namespace Clientele.Core.Tests.Concepts;

public class ConceptRowsTests
{
    // Cells a CSV writer must quote or guard: separators, quotes, line breaks, a leading formula sign, non-ASCII.
    private static readonly string[] Awkward =
        ["plain", "with, comma", "say \"hi\"", "two\nlines", "=SUM(A1)", "+33 6", "-dash", "@at", "café crème", "日本語", "emoji 🎁", " spaced ", ""];

    [Fact]
    public void Rows_rendered_to_UTF8_are_byte_for_byte_what_the_text_writer_writes()
    {
        var random = new Random(20261204);
        string Pick() => Awkward[random.Next(Awkward.Length)] + (random.Next(3) == 0 ? random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
        var concepts = Enumerable.Range(0, 12)
            .Select(c => new Concept("c" + c + Pick(), Pick() + "label", Pick() + "cat", Enumerable.Range(0, 1 + random.Next(4)).Select(a => Pick() + "alias" + a).ToList()))
            .ToList();
        var lexicon = new ConceptLexicon("awkward", concepts);
        var rows = new ConceptRows(lexicon);

        var text = new StringWriter();
        var csv = new ConceptsCsv(text, lexicon);
        csv.WriteHeader();
        var bytes = new ArrayBufferWriter<byte>();
        bytes.Write(ConceptRows.HeaderLine);
        for (var n = 0; n < 400; n++)
        {
            var note = new Note("client " + Pick(), null, null, "text", n + 2);
            var cell = ConceptRows.ClientCell(note.ClientId);
            for (var k = random.Next(4); k > 0; k--)
            {
                var concept = random.Next(concepts.Count);
                var start = random.Next(int.MaxValue / 2);
                var match = new ConceptMatch(concept, random.Next(concepts[concept].Aliases.Count), start, start + random.Next(1, 1000), random.Next(2) == 0);
                csv.Write(note, match);
                rows.Append(bytes, cell, match);
            }
        }

        Assert.Equal(Encoding.UTF8.GetBytes(text.ToString()), bytes.WrittenSpan.ToArray());
    }
}
