using System.Globalization;
using System.Text;

namespace Clientele.TestKit;

/// <summary>
/// A notes CSV in the maisons' export format (<c>ID,Date,Duration,Language,Length,Transcription</c>) built row by
/// row: every note lasts "20 min" and is "medium", the transcription is always quoted.
/// </summary>
public sealed class NotesCsvBuilder
{
    /// <summary>The header row of every notes CSV.</summary>
    public const string Header = "ID,Date,Duration,Language,Length,Transcription";

    private readonly StringBuilder _csv = new(Header + "\n");

    /// <summary>Appends one note of <paramref name="id"/>.</summary>
    public NotesCsvBuilder Add(string id, DateOnly date, string language, string text)
    {
        _csv.Append(id).Append(',').Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Append(",20 min,").Append(language).Append(",medium,\"")
            .Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\"\n");
        return this;
    }

    /// <summary>The CSV so far, header included.</summary>
    public override string ToString() => _csv.ToString();
}
