using Clientele.Core.Errors;
using Clientele.Core.Ingest;

namespace Clientele.Core.Lexicon;

/// <summary>
/// A maison's own concepts (its product lines, boutiques, events) in the external lexicon format, loaded on top of
/// a lexicon (<c>--lexicon-overlay</c>). Stricter than <see cref="LexiconCsv"/>: the file is edited by hand, so a
/// row that cannot be used (blank id, no alias, an id the lexicon already has, an unknown category) is an error
/// naming its line and column, and nothing is loaded.
/// </summary>
public static class LexiconOverlay
{
    /// <summary>The columns the overlay file is written with (the reference lexicon's, with a plain category).</summary>
    public static readonly string[] Header = ["concept_id", "label", "aliases", "languages", "freq_notes", "examples", "category"];

    /// <summary><paramref name="lexicon"/> with the concepts of the overlay in <paramref name="reader"/> appended, named "lexicon+overlay".</summary>
    public static ConceptLexicon Apply(ConceptLexicon lexicon, TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var concepts = Read(reader, source, lexicon);
        return new ConceptLexicon(lexicon.Name + "+" + Path.GetFileName(source), [.. lexicon.Concepts, .. concepts]);
    }

    /// <summary>The overlay's concepts; throws at the first unusable row.</summary>
    public static IReadOnlyList<Concept> Read(TextReader reader, string source, ConceptLexicon? under = null)
    {
        var concepts = new List<Concept>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var sep = CsvInput.OpenReader(reader, source);
        var columns = LexiconColumns.Find(sep.Header, source);
        var report = new IngestReport(source);
        long last = 1;
        while (CsvInput.MoveNext(sep, source, last))
        {
            var row = sep.Current;
            var line = row.LineNumberFrom;
            last = row.LineNumberToExcl - 1;
            if (!CsvInput.CheckRow(row, source, report))
            {
                var issue = report.Issues[^1];
                throw new ClienteleInputException(source, issue.Line, issue.Column, issue.Reason);
            }

            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
            {
                continue;
            }

            var id = CsvInput.Cell(row, columns.Id).Trim();
            if (id.Length == 0)
            {
                throw new ClienteleInputException(source, line, columns.Id + 1, ColumnMessages.OverlayBlankId);
            }

            if (!seen.Add(id) || under?.IndexOf(id) >= 0)
            {
                throw new ClienteleInputException(source, line, columns.Id + 1, ColumnMessages.OverlayDuplicate(id));
            }

            var aliases = columns.AliasesOf(row);
            if (aliases.Count == 0)
            {
                throw new ClienteleInputException(source, line, columns.Aliases + 1, ColumnMessages.OverlayNoAlias);
            }

            var raw = columns.Category >= 0 ? CsvInput.Cell(row, columns.Category).Trim() : string.Empty;
            var category = ConceptCategory.Normalize(raw);
            if (raw.Length > 0 && category == ConceptCategory.Other && !raw.EndsWith(ConceptCategory.Other, StringComparison.OrdinalIgnoreCase))
            {
                throw new ClienteleInputException(source, line, columns.Category + 1, ColumnMessages.OverlayBadCategory(raw, ConceptCategory.All));
            }

            var label = columns.LabelOf(row);
            concepts.Add(new Concept(id, label.Length > 0 ? label : aliases[0], category, aliases));
        }

        return concepts;
    }
}
