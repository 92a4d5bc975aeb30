using Clientele.Core.Ingest;
using Clientele.Core.Text;
using nietras.SeparatedValues;

namespace Clientele.Core.Lexicon;

/// <summary>
/// Where the columns of a file in the lexicon format are (<see cref="LexiconCsv"/>, <see cref="LexiconOverlay"/>),
/// and how a row's aliases are read: one reading for both, so an overlay means what a lexicon means.
/// </summary>
internal readonly record struct LexiconColumns(int Id, int Aliases, int Label, int Category)
{
    /// <summary>The columns of <paramref name="header"/>; no id or aliases column throws.</summary>
    public static LexiconColumns Find(SepReaderHeader header, string source) => new(
        CsvInput.FindColumn(header, source, "concept id", null, "concept_id", "id", "concept"),
        CsvInput.FindColumn(header, source, "aliases", null, "aliases", "alias", "synonyms"),
        CsvInput.TryFindColumn(header, "label", "name"),
        CsvInput.TryFindColumn(header, "category", "bucket", "rule"));

    /// <summary>
    /// The aliases of <paramref name="row"/>: its aliases cell split on <c>|</c> and trimmed, first of each folded form
    /// kept. One-character aliases in spaced scripts would fire everywhere ("a", "e"); a single Han character is a real
    /// word, so it is kept.
    /// </summary>
    public List<string> AliasesOf(SepReader.Row row) =>
        CsvInput.Cell(row, Aliases).Split('|').Select(a => a.Trim())
            .Where(a => a.Length > 1 || (a.Length == 1 && TextFolder.IsUnspacedScript(a[0])))
            .DistinctBy(TextFolder.Fold).ToList();

    /// <summary>The trimmed label of <paramref name="row"/> (empty without a label column).</summary>
    public string LabelOf(SepReader.Row row) => Label >= 0 ? CsvInput.Cell(row, Label).Trim() : string.Empty;
}
