using System.Text.Json.Nodes;

namespace Clientele.Core.Columns;

/// <summary>The schema report (train's output and JSON, <c>clientele inspect</c>): each extra column, its type, whether used and why not.</summary>
public static class SchemaReport
{
    /// <summary>The <c>schema</c> section of the JSON report: one object per column.</summary>
    public static JsonArray Json(IEnumerable<ColumnSpec> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return new JsonArray(columns.Select(c =>
        {
            var o = new JsonObject
            {
                ["column"] = c.Name,
                ["inferred"] = ColumnSchema.Name(c.Inferred),
                ["type"] = ColumnSchema.Name(c.Type),
                ["used"] = c.Used,
                ["why_not"] = c.Used ? null : c.WhyNot,
                ["coverage"] = Math.Round(c.Coverage, 4),
                ["distinct"] = c.Distinct,
            };
            if (c.Levels.Count > 0)
            {
                o["levels"] = new JsonArray(c.Levels.Select(l => (JsonNode)JsonValue.Create(l)!).ToArray());
            }

            if (c.LeakageScore is { } score)
            {
                o["single_column_score"] = Math.Round(score, 4);
                o["single_column_target"] = c.LeakageTarget;
            }

            if (c.Forced)
            {
                o["forced"] = true;
            }

            return (JsonNode)o;
        }).ToArray());
    }

    /// <summary>The report as lines of text, one per column: "Duration  numeric  used" / "Email  identifier  not used: identifier".</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<ColumnSpec> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            yield return "schema: no extra columns (only id, date, language and text)";
            yield break;
        }

        var width = Math.Max(6, columns.Max(c => c.Name.Length));
        yield return "schema: " + columns.Count + " extra column" + (columns.Count == 1 ? string.Empty : "s");
        yield return $"  {"column".PadRight(width)}  {"type",-11}  {"coverage",8}  {"distinct",8}  used";
        foreach (var c in columns)
        {
            var used = c.Used ? (c.Forced ? "yes (forced)" : "yes") : "no: " + c.WhyNot;
            var type = c.Type == c.Inferred || c.Type == ColumnType.Ignore ? ColumnSchema.Name(c.Inferred) : ColumnSchema.Name(c.Type) + "*";
            var leak = c.LeakageScore is { } s && !c.Used || c.Forced ? $" ({c.LeakageTarget} single-column score {c.LeakageScore:0.000})" : string.Empty;
            yield return $"  {c.Name.PadRight(width)}  {type,-11}  {c.Coverage,8:P0}  {c.Distinct,8:N0}  {used}{leak}";
        }
    }
}
