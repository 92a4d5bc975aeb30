using System.Globalization;
using Clientele.Core.Text;

namespace Clientele.Core.Occasions;

/// <summary>
/// Writes occasions: <c>client_id,kind,date,month,day,recurring,note_date,start,end,text</c>. Text cells are quoted
/// as needed and defused against spreadsheet formulas (<see cref="CsvCell.Text"/>).
/// </summary>
public sealed class OccasionsCsv(TextWriter writer)
{
    public const string Header = "client_id,kind,date,month,day,recurring,note_date,start,end,text";

    public void WriteHeader() => writer.Write(Header + "\n");

    public void Write(Occasion occasion)
    {
        ArgumentNullException.ThrowIfNull(occasion);
        writer.Write(CsvCell.Text(occasion.ClientId));
        writer.Write(',');
        writer.Write(occasion.Kind);
        writer.Write(',');
        writer.Write(Iso(occasion.Date));
        writer.Write(',');
        writer.Write(occasion.Month?.ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        writer.Write(occasion.Day?.ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        writer.Write(occasion.Recurring ? "true" : "false");
        writer.Write(',');
        writer.Write(Iso(occasion.NoteDate));
        writer.Write(',');
        writer.Write(occasion.Start.ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        writer.Write(occasion.End.ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        writer.Write(CsvCell.Text(occasion.Text));
        writer.Write('\n');
    }

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
