using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Clientele.Core.Lexicon;
using Clientele.Core.Text;

namespace Clientele.Core.Concepts;

/// <summary>
/// Renders detected concepts as CSV rows (<see cref="Header"/>) straight to UTF-8; <c>negated</c> is true when a
/// negation or hedge cue governs the match ("pas fan de noir"), so a reader never takes it for the concept.
/// Thread-safe: every concept's and alias's cells are escaped (<see cref="CsvCell.Text"/>) and encoded once when it is
/// built, so several threads can render their own notes' rows into their own buffers.
/// </summary>
/// <remarks>
/// <c>detect</c> writes millions of rows from a few hundred concepts: rendering them one string at a time through a
/// text writer on one thread was most of the command's time (measured, docs/BENCHMARKS.md 2026-12-04).
/// </remarks>
public sealed class ConceptRows
{
    /// <summary>The header of a concepts CSV.</summary>
    public const string Header = "client_id,concept_id,label,category,matched_alias,start,end,negated";

    private static readonly byte[] Negated = ",true\n"u8.ToArray();
    private static readonly byte[] Asserted = ",false\n"u8.ToArray();
    private static readonly byte[] HeaderBytes = Encoding.UTF8.GetBytes(Header + "\n");
    private readonly byte[][] _conceptCells;
    private readonly byte[][][] _aliasCells;

    /// <summary>Escapes and encodes the cells of every concept and alias of <paramref name="lexicon"/>.</summary>
    public ConceptRows(ConceptLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _conceptCells = new byte[lexicon.Concepts.Count][];
        _aliasCells = new byte[lexicon.Concepts.Count][][];
        for (var c = 0; c < lexicon.Concepts.Count; c++)
        {
            var concept = lexicon.Concepts[c];
            _conceptCells[c] = Encoding.UTF8.GetBytes("," + CsvCell.Text(concept.Id) + "," + CsvCell.Text(concept.Label) + "," + CsvCell.Text(concept.Category) + ",");
            _aliasCells[c] = concept.Aliases.Select(a => Encoding.UTF8.GetBytes(CsvCell.Text(a) + ",")).ToArray();
        }
    }

    /// <summary>The header line, newline included.</summary>
    public static ReadOnlySpan<byte> HeaderLine => HeaderBytes;

    /// <summary>The client-id cell of <paramref name="clientId"/>, escaped and encoded: render it once per note.</summary>
    public static byte[] ClientCell(string clientId) => Encoding.UTF8.GetBytes(CsvCell.Text(clientId));

    /// <summary>Appends the row of <paramref name="match"/> for the client whose cell is <paramref name="clientCell"/>.</summary>
    public void Append(IBufferWriter<byte> output, ReadOnlySpan<byte> clientCell, ConceptMatch match)
    {
        ArgumentNullException.ThrowIfNull(output);
        var concept = _conceptCells[match.ConceptIndex];
        var alias = _aliasCells[match.ConceptIndex][match.AliasIndex];
        var end = match.Negated ? Negated : Asserted;
        // Two ints of at most 11 characters and the comma between them.
        var row = output.GetSpan(clientCell.Length + concept.Length + alias.Length + 23 + end.Length);
        clientCell.CopyTo(row);
        var n = clientCell.Length;
        concept.CopyTo(row[n..]);
        n += concept.Length;
        alias.CopyTo(row[n..]);
        n += alias.Length;
        Utf8Formatter.TryFormat(match.Start, row[n..], out var w);
        n += w;
        row[n++] = (byte)',';
        Utf8Formatter.TryFormat(match.End, row[n..], out w);
        n += w;
        end.CopyTo(row[n..]);
        output.Advance(n + end.Length);
    }
}
