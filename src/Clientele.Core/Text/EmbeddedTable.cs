namespace Clientele.Core.Text;

/// <summary>
/// Reads a tab-separated table embedded in this assembly: one row per line, columns split on tabs, blank lines
/// and lines starting with '#' (each file's documentation) skipped. Per-language words live in such files so
/// that adding a language is adding rows, not code.
/// </summary>
internal static class EmbeddedTable
{
    /// <summary>The rows of the embedded resource <paramref name="resource"/>, in file order.</summary>
    public static IReadOnlyList<string[]> Read(string resource)
    {
        using var stream = typeof(EmbeddedTable).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"resource {resource} missing from the assembly");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length > 0 && line[0] != '#')
            {
                rows.Add(line.Split('\t'));
            }
        }

        return rows;
    }
}
