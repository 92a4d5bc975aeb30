using System.Text.Json.Nodes;

namespace Clientele.Cli.Tests;

public sealed class OccasionsCliTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "clientele-occ-" + Guid.NewGuid().ToString("N"));

    public OccasionsCliTests() => Directory.CreateDirectory(dir);

    [Fact]
    public void Occasions_writes_the_header_resolved_dates_quoted_cells_and_leaves_out_notes_after_as_of()
    {
        var notes = Path.Combine(dir, "notes.csv");
        File.WriteAllText(notes,
            "client_id,date,transcription\n"
            + "C1,2026-11-20,\"Her birthday is on 14 March, budget 4K\"\n"
            + "=cmd,2026-12-28,\"Wedding anniversary next month, \"\"big\"\" one\"\n"
            + "C3,2027-05-01,\"Trip to Rome in two weeks\"\n"
            + "C4,2026-11-20,\"Bought a belt, nothing else.\"\n");
        var output = Path.Combine(dir, "occ.csv");
        var stdout = RunOk("occasions", "--notes", notes, "--as-of", "2026-12-31", "--out", output, "--quiet");
        Assert.Contains("1 note dated after 2026-12-31 left out", stdout);
        var lines = File.ReadAllLines(output);
        Assert.Equal("client_id,kind,date,month,day,recurring,note_date,start,end,text", lines[0]);
        Assert.Equal("C1,birthday,2027-03-14,3,14,true,2026-11-20,4,27,birthday is on 14 March", lines[1]);
        Assert.Equal("'=cmd,wedding_anniversary,,1,,true,2026-12-28,0,30,Wedding anniversary next month", lines[2]);
        Assert.Equal(3, lines.Length);
        Assert.Empty(Directory.GetFiles(dir, ".occ.csv.tmp-*"));
    }

    [Fact]
    public void Occasions_json_counts_kinds_and_a_missing_out_is_a_usage_error()
    {
        var notes = Path.Combine(dir, "n.csv");
        File.WriteAllText(notes, "client_id,date,transcription\nA,2026-06-15,\"生日是3月14日，下周去巴黎旅行\"\n");
        var stdout = RunOk("occasions", "--notes", notes, "--out", Path.Combine(dir, "o.csv"), "--json");
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal(2, json["occasions"]!.GetValue<int>());
        Assert.Equal(1, json["kinds"]!["trip"]!.GetValue<int>());
        Assert.Contains("A,trip,2026-06-22,6,22,false,2026-06-15", File.ReadAllText(Path.Combine(dir, "o.csv")));

        var (bad, _, err) = ClienteleApp.RunCaptured("occasions", "--notes", notes);
        Assert.Equal(2, bad);
        Assert.Contains("--out", err);

        var (badDate, _, dateErr) = ClienteleApp.RunCaptured("occasions", "--notes", notes, "--out", Path.Combine(dir, "x.csv"), "--as-of", "31/12/2026");
        Assert.Equal(2, badDate);
        Assert.Contains("31/12/2026", dateErr);
        Assert.Equal(0, ClienteleApp.RunCaptured("occasions", "--help").Exit);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
