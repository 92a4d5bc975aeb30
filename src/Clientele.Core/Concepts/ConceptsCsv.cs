using System.Globalization;
using Clientele.Core.Ingest;
using Clientele.Core.Lexicon;
using Clientele.Core.Text;

namespace Clientele.Core.Concepts;

/// <summary>
/// Writes detected concepts: <c>client_id,concept_id,label,category,matched_alias,start,end,negated</c>; <c>negated</c> is
/// true when a negation or hedge cue governs the match ("pas fan de noir"), so a reader never takes it for the concept.
/// </summary>
public sealed class ConceptsCsv(TextWriter writer, ConceptLexicon lexicon)
{
    public const string Header = "client_id,concept_id,label,category,matched_alias,start,end,negated";

    // Rendered once per concept, alias and client rather than per match: detect writes millions of rows from a few
    // hundred concepts, and escaping the same cells again was most of the writer's time.
    private readonly string?[] _conceptCells = new string?[lexicon.Concepts.Count];
    private readonly string?[][] _aliasCells = new string?[lexicon.Concepts.Count][];
    private string? _clientId;
    private string _clientCell = string.Empty;

    public void WriteHeader() => writer.Write(Header + "\n");

    /// <summary>Writes one row (not thread-safe: one writer, rows in order).</summary>
    public void Write(Note note, ConceptMatch match)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (!ReferenceEquals(note.ClientId, _clientId))
        {
            _clientId = note.ClientId;
            _clientCell = CsvCell.Text(note.ClientId);
        }

        var concept = lexicon.Concepts[match.ConceptIndex];
        writer.Write(_clientCell);
        writer.Write(_conceptCells[match.ConceptIndex] ??=
            "," + CsvCell.Text(concept.Id) + "," + CsvCell.Text(concept.Label) + "," + CsvCell.Text(concept.Category) + ",");
        var aliases = _aliasCells[match.ConceptIndex] ??= new string?[concept.Aliases.Count];
        writer.Write(aliases[match.AliasIndex] ??= CsvCell.Text(concept.Aliases[match.AliasIndex]) + ",");
        Span<char> number = stackalloc char[11];
        match.Start.TryFormat(number, out var n, default, CultureInfo.InvariantCulture);
        writer.Write(number[..n]);
        writer.Write(',');
        match.End.TryFormat(number, out n, default, CultureInfo.InvariantCulture);
        writer.Write(number[..n]);
        writer.Write(match.Negated ? ",true\n" : ",false\n");
    }
}
