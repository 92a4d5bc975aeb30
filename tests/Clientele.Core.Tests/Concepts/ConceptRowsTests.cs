using System.Buffers;
using System.Globalization;
using Clientele.Core.Concepts;
using Clientele.Core.Lexicon;
using nietras.SeparatedValues;

namespace Clientele.Core.Tests.Concepts;

public class ConceptRowsTests
{
    // Cells a CSV writer must quote: separators, quotes, line breaks; and text that needs more than one byte. (Formula
    // starts are guarded, so they do not read back as written: the formula tests of detect pin those.)
    private static readonly string[] Awkward =
        ["plain", "with, comma", "say \"hi\"", "two\nlines", "café crème", "日本語", "emoji 🎁", "a;b", ""];

    [Fact]
    public void Rows_read_back_as_the_cells_of_the_matches_whatever_the_cells_hold()
    {
        var random = new Random(20261204);
        string Pick() => Awkward[random.Next(Awkward.Length)] + (random.Next(3) == 0 ? random.Next(100).ToString(CultureInfo.InvariantCulture) : string.Empty);
        var concepts = Enumerable.Range(0, 12)
            .Select(c => new Concept("c" + c + Pick(), "label " + Pick(), "cat " + Pick(), Enumerable.Range(0, 1 + random.Next(4)).Select(a => "alias" + a + Pick()).ToList()))
            .ToList();
        var rows = new ConceptRows(new ConceptLexicon("awkward", concepts));

        var bytes = new ArrayBufferWriter<byte>();
        bytes.Write(ConceptRows.HeaderLine);
        var expected = new List<string[]>();
        for (var n = 0; n < 400; n++)
        {
            var client = "client " + Pick();
            var cell = ConceptRows.ClientCell(client);
            for (var k = random.Next(4); k > 0; k--)
            {
                var c = random.Next(concepts.Count);
                var start = random.Next(int.MaxValue / 2);
                var match = new ConceptMatch(c, random.Next(concepts[c].Aliases.Count), start, start + random.Next(1, 1000), random.Next(2) == 0);
                rows.Append(bytes, cell, match);
                expected.Add([client, concepts[c].Id, concepts[c].Label, concepts[c].Category, concepts[c].Aliases[match.AliasIndex],
                    match.Start.ToString(CultureInfo.InvariantCulture), match.End.ToString(CultureInfo.InvariantCulture), match.Negated ? "true" : "false"]);
            }
        }

        using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(System.Text.Encoding.UTF8.GetString(bytes.WrittenSpan));
        Assert.Equal(ConceptRows.Header, string.Join(',', reader.Header.ColNames));
        var read = new List<string[]>();
        foreach (var row in reader)
        {
            var cells = new string[row.ColCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i].ToString();
            }

            read.Add(cells);
        }

        Assert.True(expected.Count > 500, $"{expected.Count} rows");
        Assert.Equal(expected, read);
    }
}
