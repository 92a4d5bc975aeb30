using System.Text;
using System.Text.Json.Nodes;
using Clientele.Core.Ingest;
using Clientele.Storage.Store;

namespace Clientele.Cli.Tests;

/// <summary>Issue 15, item 9: a <c>consent</c> column in the notes file, from the command line.</summary>
public sealed class ConsentColumnCliTests(CliFixture data) : IClassFixture<CliFixture>
{
    /// <summary>The fixture's notes with a consent column: the first client's latest statement objects, the second's withdraws.</summary>
    private (string File, string Objecting, string Withdrawing) NotesWithConsent()
    {
        var notes = NotesCsv.ReadAll(new StreamReader(data.Notes), data.Notes, new IngestReport(data.Notes));
        var ids = notes.Select(n => n.ClientId).Distinct(StringComparer.Ordinal).Take(2).ToList();
        var csv = new StringBuilder("ID,Date,Language,Consent,Transcription\n");
        foreach (var n in notes)
        {
            var consent = n.ClientId == ids[0] ? "yes" : n.ClientId == ids[1] ? "no" : string.Empty;
            csv.Append(n.ClientId).Append(',').Append(n.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(n.Language).Append(',').Append(consent).Append(",\"").Append(n.Text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\"\n");
        }

        // A later note of the first client objects: the latest statement wins.
        csv.Append(ids[0]).Append(",2099-01-01,EN,objected,\"asked not to be profiled\"\n");
        var file = data.PathOf("notes-consent.csv");
        File.WriteAllText(file, csv.ToString());
        return (file, ids[0], ids[1]);
    }

    [Fact]
    public void Clients_whose_latest_consent_is_withdrawn_or_objected_are_not_scored_counted_recorded_in_the_store_and_not_listed()
    {
        var (notes, objecting, withdrawing) = NotesWithConsent();
        var db = "Data Source=" + data.PathOf("consent-column.db");
        var trainOut = RunOk("train", "--notes", notes, "--out", data.PathOf("m-cc"), "--quiet", "--no-store", "--json");
        Assert.DoesNotContain("consent", trainOut, StringComparison.OrdinalIgnoreCase);

        var (exit, stdout, err) = Run("predict", "--model", data.PathOf("m-cc"), "--notes", notes, "--out", data.PathOf("consent-scores.csv"),
            "--json", "--db", db, "--as-of", "2099-12-31");
        Assert.True(exit == 0, err);
        Assert.Equal(2, JsonNode.Parse(stdout)!["suppressed"]!.GetValue<int>());
        Assert.Contains("2 clients not scored", err, StringComparison.Ordinal);
        var scored = File.ReadLines(data.PathOf("consent-scores.csv")).Skip(1).Select(l => l.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(objecting, scored);
        Assert.DoesNotContain(withdrawing, scored);
        Assert.True(scored.Count > 100);

        using (var store = StoreFactory.Open(db))
        {
            Assert.Equal(ConsentStates.Objected, store.GetConsent(objecting)?.State);
            Assert.Equal(ConsentStates.Withdrawn, store.GetConsent(withdrawing)?.State);
            Assert.Contains(store.ListAudit(), a => a.Action == "consent" && a.Subject == objecting && a.Outcome == ConsentStates.Objected);
        }

        RunOk("worklist", "--model", data.PathOf("m-cc"), "--notes", notes, "--as-of", "2099-12-31", "--days", "365",
            "--control-share", "0", "--out", data.PathOf("consent-worklist.csv"), "--quiet");
        var rows = File.ReadLines(data.PathOf("consent-worklist.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.DoesNotContain(objecting, rows);
        Assert.DoesNotContain(withdrawing, rows);
    }

    [Fact]
    public void An_unknown_consent_value_is_exit_2_naming_file_line_column_and_the_accepted_values()
    {
        var file = data.PathOf("bad-consent.csv");
        File.WriteAllText(file, "ID,Consent,Transcription\nA,yes,likes silk\nB,perhaps,likes gold\n");
        var (exit, _, err) = Run("detect", "--notes", file, "--out", data.PathOf("never.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("bad-consent.csv:3:2", err, StringComparison.Ordinal);
        Assert.Contains("'perhaps' is not one of yes, granted, no, withdrawn, objected", err, StringComparison.Ordinal);
        Assert.False(File.Exists(data.PathOf("never.csv")));
    }
}
