using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Clientele.Core.Scoring;
using Clientele.Storage.Store;

namespace Clientele.Workflows.Reports;

/// <summary>
/// The summary report of a store (DESIGN §9, issue 17 item 7): KPIs of the latest scores, the segments with their
/// shares, the top concepts, the latest worklist's summary and a model card of the active version (data, label
/// source, metrics beside the baseline and the best possible, caveats). Written as Markdown or as one HTML page
/// with no script. Never note text: counts, concept labels and metrics only.
/// </summary>
public sealed class SummaryReport
{
    /// <summary>Concepts listed in the report: enough to see the themes of a clientele without a long tail.</summary>
    private const int TopConcepts = 10;

    private readonly List<(string Title, List<string[]> Rows, string[] Header)> _tables = [];
    private readonly List<string> _caveats = [];

    private SummaryReport()
    {
    }

    /// <summary>Reads what the report shows from <paramref name="store"/>.</summary>
    public static SummaryReport From(IClienteleStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var report = new SummaryReport();
        var latest = store.LatestPredictions();
        var scores = latest.Select(p => p.Score).ToList();
        double Avg(Func<ClientScore, double> f) => scores.Select(f).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();
        report._tables.Add(("Key figures", [
            ["Clients scored", N(scores.Count)],
            ["Average purchase likelihood", P(Avg(s => s.PurchaseProb))],
            ["Average churn risk", P(Avg(s => s.ChurnRisk))],
            ["Average predicted lifetime value", Money(Avg(s => s.PredictedClv))],
        ], ["Figure", "Value"]));
        report._tables.Add(("Value segments", Shares(scores, s => s.ValueSegment, Segments.ValueNames), ["Segment", "Clients", "Share"]));
        report._tables.Add(("Risk segments", Shares(scores, s => s.RiskSegment, Segments.RiskNames), ["Segment", "Clients", "Share"]));

        var concepts = new Dictionary<string, (string Label, int Clients)>(StringComparer.Ordinal);
        foreach (var id in latest.Select(p => p.ClientId))
        {
            foreach (var c in store.GetConcepts(id))
            {
                concepts[c.ConceptId] = (c.Label, (concepts.TryGetValue(c.ConceptId, out var seen) ? seen.Clients : 0) + 1);
            }
        }

        report._tables.Add(("Top concepts", concepts.Values.OrderByDescending(c => c.Clients).ThenBy(c => c.Label, StringComparer.Ordinal).Take(TopConcepts)
            .Select(c => new[] { c.Label, N(c.Clients), P(scores.Count == 0 ? double.NaN : (double)c.Clients / scores.Count) }).ToList(), ["Concept", "Clients", "Share"]));

        var assignments = store.ListAssignments();
        if (assignments.Count > 0)
        {
            var asOf = assignments.Max(a => a.AsOf);
            var last = assignments.Where(a => a.AsOf == asOf).ToList();
            var rows = last.GroupBy(a => (a.Action, a.Group)).OrderBy(g => g.Key.Action, StringComparer.Ordinal).ThenBy(g => g.Key.Group, StringComparer.Ordinal)
                .Select(g => new[] { g.Key.Action, g.Key.Group, N(g.Count()) }).ToList();
            report._tables.Add(($"Worklist of {asOf:yyyy-MM-dd}", rows, ["Action", "Group", "Clients"]));
        }
        else
        {
            report._caveats.Add("No worklist has been recorded in this store yet (clientele worklist --db).");
        }

        report.ModelCard(store.ActiveModelVersion());
        return report;
    }

    private void ModelCard(ModelVersionRecord? version)
    {
        if (version is null)
        {
            _caveats.Add("No model version is active: there is no model card.");
            return;
        }

        var json = JsonNode.Parse(version.MetricsJson) as JsonObject ?? [];
        string Text(string key) => json[key]?.ToString() ?? "—";
        _tables.Add(($"Model card: {version.Version}", [
            ["Tier", version.Tier],
            ["Trained", version.CreatedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)],
            ["Clients", Text("clients")],
            ["Labelled clients", Text("labelled_clients")],
            ["Label source", Text("label_source")],
            ["Features", Text("features")],
        ], ["Field", "Value"]));
        var rows = new List<string[]>();
        foreach (var (target, metrics) in json["metrics"] as JsonObject ?? [])
        {
            foreach (var (metric, value) in metrics as JsonObject ?? [])
            {
                if (metric == "n")
                {
                    continue;
                }

                rows.Add([target, metric, Num(value), Num(json["baseline"]?[target]?[metric]), Num(json["best_possible"]?[target]?[metric]), Num(metrics?["n"])]);
            }
        }

        _tables.Add(("Holdout metrics", rows, ["Target", "Metric", "Model", "Baseline", "Best possible", "Holdout clients"]));
        if (Text("label_source").Contains("smart", StringComparison.OrdinalIgnoreCase))
        {
            _caveats.Add("Labels are smart labels (a documented rule over the notes), not observed outcomes: the metrics say how well the model learns the rule.");
        }

        _caveats.Add("Best possible is the score of the true probabilities where the labels carry them (generated data); without them it is the learnable ceiling.");
        _caveats.Add("Metrics are on one seeded holdout; differences of a few hundredths are within its noise (clientele compare gives intervals).");
    }

    /// <summary>The report as Markdown.</summary>
    public string Markdown()
    {
        var md = new StringBuilder("# Clientele summary report\n\n");
        foreach (var (title, rows, header) in _tables)
        {
            md.Append("## ").Append(title).Append("\n\n| ").AppendJoin(" | ", header).Append(" |\n|").Append(string.Concat(header.Select(_ => "---|"))).Append('\n');
            foreach (var row in rows)
            {
                md.Append("| ").AppendJoin(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
            }

            md.Append('\n');
        }

        md.Append("## Caveats\n\n");
        foreach (var c in _caveats)
        {
            md.Append("- ").Append(c).Append('\n');
        }

        return md.ToString();
    }

    /// <summary>The report as one self-contained HTML page (inline style only, no script).</summary>
    public string Html()
    {
        var h = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Clientele summary report</title>")
            .Append("<style>body{font:14px system-ui,sans-serif;margin:24px;max-width:980px}table{border-collapse:collapse;margin:0 0 18px}")
            .Append("th,td{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left}th{color:#666;font-weight:600}</style></head><body>\n")
            .Append("<h1>Clientele summary report</h1>\n");
        foreach (var (title, rows, header) in _tables)
        {
            h.Append("<h2>").Append(E(title)).Append("</h2>\n<table><thead><tr>").AppendJoin(string.Empty, header.Select(c => $"<th>{E(c)}</th>")).Append("</tr></thead><tbody>\n");
            foreach (var row in rows)
            {
                h.Append("<tr>").AppendJoin(string.Empty, row.Select(c => $"<td>{E(c)}</td>")).Append("</tr>\n");
            }

            h.Append("</tbody></table>\n");
        }

        h.Append("<h2>Caveats</h2>\n<ul>").AppendJoin(string.Empty, _caveats.Select(c => $"<li>{E(c)}</li>")).Append("</ul>\n</body></html>\n");
        return h.ToString();
    }

    private static List<string[]> Shares(List<ClientScore> scores, Func<ClientScore, string> segment, IReadOnlyList<string> names)
    {
        var total = scores.Count(s => segment(s).Length > 0);
        return names.Select(n => scores.Count(s => segment(s) == n)).Select((count, i) => new[] { names[i], N(count), P(total == 0 ? double.NaN : (double)count / total) }).ToList();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string P(double p) => double.IsFinite(p) ? (100 * p).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—";

    private static string Money(double v) => double.IsFinite(v) ? v.ToString("N0", CultureInfo.InvariantCulture) : "—";

    private static string Num(JsonNode? v) => v is JsonValue value && value.TryGetValue<double>(out var d) ? d.ToString("0.####", CultureInfo.InvariantCulture) : "—";
}
