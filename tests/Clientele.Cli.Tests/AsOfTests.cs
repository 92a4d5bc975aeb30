namespace Clientele.Cli.Tests;

/// <summary>
/// The as-of rule (issue 14, item 5): a score depends only on the client's own notes and the as-of date — never on
/// the other clients of the batch — and notes dated after the as-of date are left out and counted.
/// </summary>
public class AsOfTests(CliFixture data) : IClassFixture<CliFixture>
{
    private const string Header = "client_id,date,text";
    private const string ClientX = "ASOF_X,2025-01-10,\"Wants a black leather handbag, budget 5K, gift for her sister\"\nASOF_X,2025-03-01,\"Came back for the handbag, prefers gold hardware\"";
    private const string ClientY = "ASOF_Y,2025-02-01,\"Looking at watches, first visit\"";
    private const string LaterClient = "ASOF_Z,2025-06-01,\"Bought a scarf, will return for the autumn collection\"";

    private string Model()
    {
        var model = data.PathOf("m-asof");
        lock (data)
        {
            if (!Directory.Exists(model))
            {
                var (exit, _, err) = ClienteleApp.RunCaptured("train", "--notes", data.Notes, "--labels", data.Labels, "--tier", "fast", "--out", model, "--quiet", "--no-store");
                Assert.True(exit == 0, err);
            }
        }

        return model;
    }

    private (string Line, string Err) ScoreOfX(string name, string asOf, params string[] rows)
    {
        var notes = data.PathOf(name + ".csv");
        File.WriteAllText(notes, Header + "\n" + string.Join("\n", rows) + "\n");
        var scores = data.PathOf(name + ".scores.csv");
        string[] args = ["predict", "--model", Model(), "--notes", notes, "--out", scores, "--quiet", "--no-store"];
        var (exit, _, err) = ClienteleApp.RunCaptured(asOf.Length == 0 ? args : [.. args, "--as-of", asOf]);
        Assert.True(exit == 0, err);
        return (File.ReadAllLines(scores).Single(l => l.StartsWith("ASOF_X,", StringComparison.Ordinal)), err);
    }

    [Fact]
    public void A_clients_score_does_not_change_when_another_clients_later_note_joins_the_batch()
    {
        var alone = ScoreOfX("alone", "2025-06-30", ClientX).Line;
        var withOthers = ScoreOfX("with-others", "2025-06-30", ClientY, ClientX, LaterClient).Line;
        Assert.Equal(alone, withOthers);
    }

    [Fact]
    public void Without_as_of_the_batch_still_does_not_move_a_score()
    {
        // The default is today (UTC), the same for both runs, whatever the newest date of each file.
        Assert.Equal(ScoreOfX("today-alone", string.Empty, ClientX).Line, ScoreOfX("today-with-others", string.Empty, ClientX, LaterClient).Line);
    }

    [Fact]
    public void Notes_dated_after_the_as_of_date_are_left_out_and_counted_on_stderr()
    {
        var before = ScoreOfX("before", "2025-06-30", ClientX).Line;
        var (line, err) = ScoreOfX("future", "2025-06-30", ClientX, "ASOF_X,2025-09-01,\"Not interested any more, closing the account\"");
        Assert.Equal(before, line);
        Assert.Contains("1 note dated after the as-of date 2025-06-30 left out", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_as_of_date_measures_a_longer_silence()
    {
        var soon = ScoreOfX("soon", "2025-03-15", ClientX).Line;
        var late = ScoreOfX("late", "2026-03-15", ClientX).Line;
        Assert.NotEqual(soon, late);
    }
}
