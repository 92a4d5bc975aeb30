using System.Buffers;
using System.Globalization;
using System.Text;

namespace Clientele.Synthetic;

/// <summary>
/// The rows of the two generated files (see <see cref="NotesGenerator"/> for their format), written field by field
/// from spans so a million clients allocate nothing per row.
/// </summary>
internal static class GeneratedCsv
{
    private static readonly SearchValues<char> NeedsQuoting = SearchValues.Create(",\"\r\n");

    /// <summary>One notes row: <c>id,yyyy-MM-dd,N min,language,length,text</c> (the text quoted when it must be).</summary>
    public static void WriteNote(TextWriter notes, string id, DateOnly date, int minutes, string language, string length, StringBuilder text, string? store = null)
    {
        Span<char> buf = stackalloc char[16];
        notes.Write(id);
        notes.Write(',');
        date.TryFormat(buf, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        notes.Write(buf[..n]);
        notes.Write(',');
        minutes.TryFormat(buf, out n, default, CultureInfo.InvariantCulture);
        notes.Write(buf[..n]);
        notes.Write(" min,");
        notes.Write(language);
        notes.Write(',');
        notes.Write(length);
        notes.Write(',');
        if (store is not null)
        {
            // Store names hold no comma, quote or line break (Maison/Data/maison.tsv).
            notes.Write(store);
            notes.Write(',');
        }

        WriteField(notes, text);
        notes.Write('\n');
    }

    /// <summary>One labels row, numbers in the invariant culture with at most two decimals.</summary>
    public static void WriteLabels(TextWriter labels, GeneratedLabels row)
    {
        Span<char> buf = stackalloc char[32];
        labels.Write(row.ClientId);
        labels.Write(row.Purchased == 1 ? ",1" : ",0");
        labels.Write(row.Churned == 1 ? ",1," : ",0,");
        WriteNumber(labels, row.LifetimeValue, buf);
        labels.Write(',');
        WriteNumber(labels, row.TruePurchaseProb, buf);
        labels.Write(',');
        WriteNumber(labels, row.ExpectedLifetimeValue, buf);
        if (row.TrueChurnProb is { } churn)
        {
            labels.Write(',');
            WriteNumber(labels, churn, buf);
        }

        labels.Write('\n');
    }

    private static void WriteField(TextWriter writer, StringBuilder text)
    {
        var quote = false;
        foreach (var chunk in text.GetChunks())
        {
            if (chunk.Span.ContainsAny(NeedsQuoting))
            {
                quote = true;
                break;
            }
        }

        if (!quote)
        {
            foreach (var chunk in text.GetChunks())
            {
                writer.Write(chunk.Span);
            }

            return;
        }

        writer.Write('"');
        foreach (var chunk in text.GetChunks())
        {
            var span = chunk.Span;
            int q;
            while ((q = span.IndexOf('"')) >= 0)
            {
                writer.Write(span[..(q + 1)]);
                writer.Write('"');
                span = span[(q + 1)..];
            }

            writer.Write(span);
        }

        writer.Write('"');
    }

    private static void WriteNumber(TextWriter writer, double value, Span<char> buf)
    {
        value.TryFormat(buf, out var n, "0.##", CultureInfo.InvariantCulture);
        writer.Write(buf[..n]);
    }
}
