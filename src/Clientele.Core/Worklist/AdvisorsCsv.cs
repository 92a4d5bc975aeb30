using Clientele.Core.Errors;

namespace Clientele.Core.Worklist;

/// <summary>
/// Reads who looks after whom: a CSV with a header <c>client_id,advisor</c> (either order, other columns ignored).
/// A row without both values is an error naming its line; a client listed twice keeps its last advisor.
/// </summary>
public static class AdvisorsCsv
{
    public static Dictionary<string, string> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine()?.TrimStart('\uFEFF').Split(',').Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToList()
            ?? throw new ClienteleInputException(source, 1, null, WorklistMessages.AdvisorsHeader);
        var id = header.IndexOf("client_id");
        var advisor = header.IndexOf("advisor");
        if (id < 0 || advisor < 0)
        {
            throw new ClienteleInputException(source, 1, null, WorklistMessages.AdvisorsHeader);
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        long line = 1;
        for (var text = reader.ReadLine(); text is not null; text = reader.ReadLine())
        {
            line++;
            if (text.Trim().Length == 0)
            {
                continue;
            }

            var cells = text.Split(',').Select(c => c.Trim().Trim('"')).ToArray();
            if (cells.Length <= Math.Max(id, advisor) || cells[id].Length == 0 || cells[advisor].Length == 0)
            {
                throw new ClienteleInputException(source, line, (cells.Length <= id || cells[id].Length == 0 ? id : advisor) + 1, WorklistMessages.AdvisorsRow);
            }

            result[cells[id]] = cells[advisor];
        }

        return result;
    }
}
