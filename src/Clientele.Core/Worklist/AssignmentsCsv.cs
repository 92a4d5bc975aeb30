using System.Globalization;
using Clientele.Core.Errors;

namespace Clientele.Core.Worklist;

/// <summary>Reads the assignments CSV that <see cref="WorklistCsv.WriteAssignments"/> writes; a bad row is an error naming its line and column.</summary>
public static class AssignmentsCsv
{
    public static List<Assignment> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadLine()?.TrimStart('\uFEFF').Trim() != WorklistCsv.AssignmentsHeader)
        {
            throw new ClienteleInputException(source, 1, null, WorklistMessages.AssignmentsHeader);
        }

        var rows = new List<Assignment>();
        long line = 1;
        for (var text = reader.ReadLine(); text is not null; text = reader.ReadLine())
        {
            line++;
            if (text.Trim().Length == 0)
            {
                continue;
            }

            var c = text.Split(',');
            if (c.Length != 6)
            {
                throw new ClienteleInputException(source, line, null, WorklistMessages.AssignmentsRow("6 fields"));
            }

            var group = c[2] switch
            {
                WorklistCsv.ContactGroup => false,
                WorklistCsv.ControlGroupName => true,
                _ => throw new ClienteleInputException(source, line, 3, WorklistMessages.AssignmentsRow("group contact or control")),
            };
            rows.Add(new Assignment(c[0], Date(c[1], source, line, 2), group, c[3], c[4], Date(c[5], source, line, 6)));
        }

        return rows;
    }

    private static DateOnly Date(string text, string source, long line, int column) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new ClienteleInputException(source, line, column, WorklistMessages.AssignmentsRow("a date yyyy-MM-dd"));
}
