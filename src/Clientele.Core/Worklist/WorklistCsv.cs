using System.Globalization;
using Clientele.Core.Text;

namespace Clientele.Core.Worklist;

/// <summary>
/// Writes the worklist CSV (<see cref="Header"/>) and the assignments CSV, which records both groups for the report
/// (<see cref="AssignmentsHeader"/>).
/// </summary>
public static class WorklistCsv
{
    public const string Header = "client_id,advisor,action,channel,priority,due,reason,last_contact,days_since_purchase";

    public const string AssignmentsHeader = "client_id,as_of,group,rule,action,due";

    /// <summary>The group name of listed clients in the assignments.</summary>
    public const string ContactGroup = "contact";

    /// <summary>The group name of held-out clients in the assignments.</summary>
    public const string ControlGroupName = "control";

    /// <summary>The listed rows.</summary>
    public static void Write(TextWriter writer, IEnumerable<WorklistEntry> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Header);
        foreach (var r in rows)
        {
            writer.WriteLine(string.Join(',', CsvCell.Text(r.ClientId), CsvCell.Text(r.Advisor), CsvCell.Text(r.Action), r.Channel,
                r.Priority.ToString(CultureInfo.InvariantCulture), Iso(r.Due), CsvCell.Text(r.Reason), r.LastContact is { } c ? Iso(c) : string.Empty,
                r.DaysSincePurchase?.ToString(CultureInfo.InvariantCulture) ?? string.Empty));
        }
    }

    /// <summary>Every assignment of <paramref name="result"/>, listed and held out.</summary>
    public static void WriteAssignments(TextWriter writer, WorklistResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteLine(AssignmentsHeader);
        foreach (var r in result.All)
        {
            writer.WriteLine(string.Join(',', CsvCell.Text(r.ClientId), Iso(result.AsOf), r.Control ? ControlGroupName : ContactGroup, CsvCell.Text(r.Rule),
                CsvCell.Text(r.Action), Iso(r.Due)));
        }
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
