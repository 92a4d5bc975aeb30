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

    public void WriteHeader() => writer.Write(Header + "\n");

    public void Write(Note note, ConceptMatch match)
    {
        var concept = lexicon.Concepts[match.ConceptIndex];
        writer.Write(CsvCell.Text(note.ClientId));
        writer.Write(',');
        writer.Write(CsvCell.Text(concept.Id));
        writer.Write(',');
        writer.Write(CsvCell.Text(concept.Label));
        writer.Write(',');
        writer.Write(CsvCell.Text(concept.Category));
        writer.Write(',');
        writer.Write(CsvCell.Text(concept.Aliases[match.AliasIndex]));
        writer.Write(',');
        writer.Write(match.Start.ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        writer.Write(match.End.ToString(CultureInfo.InvariantCulture));
        writer.Write(match.Negated ? ",true\n" : ",false\n");
    }
}
