using System.Reflection;
using Clientele.Core.Errors;
using Clientele.Core.Ingest;
using nietras.SeparatedValues;

namespace Clientele.Core.Lexicon;

/// <summary>
/// Reads a lexicon in the reference system's CSV format: <c>concept_id,label,aliases,languages,...</c>
/// with aliases separated by <c>|</c>, plus an optional <c>category</c> column (or the reference's
/// <c>rule</c> column, "bucket=intent"). Also loads the built-in lexicon embedded in this assembly.
/// </summary>
public static class LexiconCsv
{
    private const string BuiltinResource = "Clientele.Core.Lexicon.builtin_lexicon.csv";

    /// <summary>The lexicon written for Clientele, embedded as a resource.</summary>
    public static ConceptLexicon LoadBuiltin()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(BuiltinResource)
            ?? throw new InvalidOperationException("built-in lexicon resource missing from the assembly");
        using var reader = new StreamReader(stream);
        var lexicon = Load(reader, "builtin");
        return new ConceptLexicon("builtin", lexicon.Concepts);
    }

    /// <summary>Reads a lexicon; rows without an id or a usable alias are skipped and counted in <paramref name="report"/>.</summary>
    public static ConceptLexicon Load(TextReader reader, string source, IngestReport? report = null)
    {
        report ??= new IngestReport(source);
        var concepts = new List<Concept>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var sep = CsvInput.OpenReader(reader, source);
        var columns = LexiconColumns.Find(sep.Header, source);
        while (CsvInput.MoveNextChecked(sep, source, report))
        {
            var row = sep.Current;
            var line = row.LineNumberFrom;
            var id = CsvInput.Cell(row, columns.Id).Trim();
            if (id.Length == 0)
            {
                report.Reject(line, columns.Id + 1, "blank concept id");
                continue;
            }

            if (!seen.Add(id))
            {
                report.Reject(line, columns.Id + 1, $"duplicate concept id '{Messages.Truncate(id)}' (first one kept)");
                continue;
            }

            var aliases = columns.AliasesOf(row);
            var label = columns.LabelOf(row);
            if (label.Length == 0)
            {
                label = aliases.Count > 0 ? aliases[0] : id;
            }

            if (aliases.Count == 0)
            {
                report.Reject(line, columns.Aliases + 1, $"concept '{Messages.Truncate(id)}' has no alias of 2+ characters");
                continue;
            }

            var category = ConceptCategory.Normalize(columns.Category >= 0 ? CsvInput.Cell(row, columns.Category) : null);
            concepts.Add(new Concept(id, label, category, aliases));
            report.Accepted++;
        }

        if (concepts.Count == 0)
        {
            throw new ClienteleInputException(source, null, null, Messages.LexiconNoConcepts);
        }

        return new ConceptLexicon(source, concepts);
    }
}
