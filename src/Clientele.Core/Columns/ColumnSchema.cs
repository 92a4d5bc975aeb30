using System.Text.Json;
using Clientele.Core.Errors;

namespace Clientele.Core.Columns;

/// <summary>
/// The fitted schema of the extra columns: every column with its type and fate, and the levels of the categorical
/// ones. Saved inside the featurizer with its own format version, so predict reads the columns exactly as train did.
/// </summary>
public sealed class ColumnSchema(IReadOnlyList<ColumnSpec> columns)
{
    /// <summary>Version written by this build.</summary>
    public const int FormatVersion = 1;

    /// <summary>Every extra column of the training file, in file order.</summary>
    public IReadOnlyList<ColumnSpec> Columns { get; } = columns;

    /// <summary>The columns that are features.</summary>
    public IEnumerable<ColumnSpec> Used => Columns.Where(c => c.Used);

    /// <summary>Writes the schema as one JSON object.</summary>
    public void Save(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("format_version", FormatVersion);
        writer.WriteStartArray("columns");
        foreach (var c in Columns)
        {
            writer.WriteStartObject();
            writer.WriteString("name", c.Name);
            writer.WriteString("inferred", Name(c.Inferred));
            writer.WriteString("type", Name(c.Type));
            writer.WriteString("exclusion", c.Exclusion.ToString());
            writer.WriteNumber("coverage", Math.Round(c.Coverage, 4));
            writer.WriteNumber("distinct", c.Distinct);
            writer.WriteBoolean("forced", c.Forced);
            if (c.LeakageScore is { } score)
            {
                writer.WriteNumber("leakage_score", Math.Round(score, 4));
                writer.WriteString("leakage_target", c.LeakageTarget);
            }

            writer.WriteStartArray("levels");
            foreach (var level in c.Levels)
            {
                writer.WriteStringValue(level);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Reads a saved schema; a newer format version or a malformed entry is refused naming <paramref name="source"/>.</summary>
    public static ColumnSchema Load(JsonElement json, string source)
    {
        try
        {
            var version = json.GetProperty("format_version").GetInt32();
            if (version < 1 || version > FormatVersion)
            {
                throw new ClienteleInputException(source, null, null, ColumnMessages.SchemaVersion(version, FormatVersion));
            }

            var columns = json.GetProperty("columns").EnumerateArray().Select(c => new ColumnSpec(
                c.GetProperty("name").GetString()!,
                Parse(c.GetProperty("inferred").GetString()!),
                Parse(c.GetProperty("type").GetString()!),
                Enum.Parse<ColumnExclusion>(c.GetProperty("exclusion").GetString()!),
                c.GetProperty("coverage").GetDouble(),
                c.GetProperty("distinct").GetInt32())
            {
                Forced = c.GetProperty("forced").GetBoolean(),
                LeakageScore = c.TryGetProperty("leakage_score", out var s) ? s.GetDouble() : null,
                LeakageTarget = c.TryGetProperty("leakage_target", out var t) ? t.GetString() : null,
                Levels = c.GetProperty("levels").EnumerateArray().Select(l => l.GetString()!).ToArray(),
            }).ToList();
            return new ColumnSchema(columns);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new ClienteleInputException(source, null, null, Messages.BundleDamaged + ": column schema: " + e.Message, e);
        }
    }

    /// <summary>How a type is written in reports, options and the bundle.</summary>
    public static string Name(ColumnType type) => type.ToString().ToLowerInvariant();

    private static ColumnType Parse(string name) => Enum.Parse<ColumnType>(name, ignoreCase: true);
}
