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
        var header = sep.Header;
        var idCol = CsvInput.FindColumn(header, source, "concept id", null, "concept_id", "id", "concept");
        var aliasCol = CsvInput.FindColumn(header, source, "aliases", null, "aliases", "alias", "synonyms");
        var labelCol = CsvInput.TryFindColumn(header, "label", "name");
        var categoryCol = CsvInput.TryFindColumn(header, "category", "bucket", "rule");
        long last = 1;
        while (CsvInput.MoveNext(sep, source, last))
        {
            var row = sep.Current;
            var line = row.LineNumberFrom;
            last = row.LineNumberToExcl - 1;
            report.RowsRead++;
            if (!CsvInput.CheckRow(row, source, report))
            {
                continue;
            }

            var id = CsvInput.Cell(row, idCol).Trim();
            if (id.Length == 0)
            {
                report.Reject(line, idCol + 1, "blank concept id");
                continue;
            }

            if (!seen.Add(id))
            {
                report.Reject(line, idCol + 1, $"duplicate concept id '{Messages.Truncate(id)}' (first one kept)");
                continue;
            }

            var aliases = new List<string>();
            var aliasSeen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var raw in CsvInput.Cell(row, aliasCol).Split('|'))
            {
                var alias = raw.Trim();
                // One-character aliases in spaced scripts would fire everywhere ("a", "e"); a single
                // Han character is a real word, so it is kept.
                if (alias.Length == 0 || (alias.Length == 1 && !Text.TextFolder.IsUnspacedScript(alias[0])))
                {
                    continue;
                }

                if (aliasSeen.Add(Text.TextFolder.Fold(alias)))
                {
                    aliases.Add(alias);
                }
            }

            var label = labelCol >= 0 ? CsvInput.Cell(row, labelCol).Trim() : string.Empty;
            if (label.Length == 0)
            {
                label = aliases.Count > 0 ? aliases[0] : id;
            }

            if (aliases.Count == 0)
            {
                report.Reject(line, aliasCol + 1, $"concept '{Messages.Truncate(id)}' has no alias of 2+ characters");
                continue;
            }

            var category = ConceptCategory.Normalize(categoryCol >= 0 ? CsvInput.Cell(row, categoryCol) : null);
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
