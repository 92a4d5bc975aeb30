using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Clientele.Cli.Tests;

/// <summary>
/// A real <c>predict</c> into a SQLite store SIGKILLed at several points of its run, over a store that already holds
/// a complete earlier scoring: after every kill the store holds that earlier scoring whole and nothing of the killed
/// run, or (a kill after the publish) the whole new run. Never clients without a prediction.
/// </summary>
public sealed class PredictKillTests(ITestOutputHelper output) : KilledCliTest(output, "predict-kill", seed: 13)
{
    private string DbFile => Path.Combine(Dir, "store.db");

    /// <summary>Where the kill lands: a stderr progress line to wait for (null: at once), then a delay.</summary>
    private static readonly (string? Line, int DelayMs)[] KillPoints =
    [
        (null, 0),
        ("score", 0),
        ("store", 0),
        ("store", 20),
        ("store", 80),
        ("store", 250),
        ("publish", 0),
        ("publish", 5),
        ("publish", 30),
    ];

    [Fact]
    public void A_predict_killed_at_any_point_leaves_the_previous_scoring_whole_or_the_new_one_whole_and_no_client_without_a_prediction()
    {
        CliProcess.Run(Dir, "train", "--notes", "notes.csv", "--labels", "labels.csv", "--tier", "fast", "--out", "model", "--no-store", "-q");
        CliProcess.Run(Dir, Predict("2026-12-31"));
        Assert.Equal((Clients, 0), Counts());

        foreach (var (line, delay) in KillPoints)
        {
            var (reached, exited, rest) = CliProcess.KillAtWithRest(Dir, line, delay, Predict("2027-01-01"));
            var (before, after) = Counts();
            Output.WriteLine($"kill after '{line ?? "start"}' + {delay} ms: reached={reached}, exited={exited}, old rows {before}, new rows {after}");
            Assert.True(reached, $"never saw '{line}' on stderr");
            Assert.Equal(Clients, before);
            Assert.True(after is 0 or Clients, $"{after} of {Clients} predictions of the killed run were published");
            // A kill timed after 'store' may still land after the publish on a fast machine: what counts is whether the
            // process had announced its publish before it died.
            var published = line == "publish" || exited || rest.Contains("publish", StringComparison.Ordinal);
            Assert.True(after == 0 || published, $"a run killed before its publish ('{line}') published");
            AssertEveryClientHasAPredictionAndRunsAreWhole();
            if (after == Clients)
            {
                // Back to the state before the killed run, so the next kill point's count is its own run's, not this one's.
                using var c = Open();
                Scalar(c, "DELETE FROM predictions WHERE as_of = '2027-01-01'");
                Scalar(c, "DELETE FROM runs WHERE kind = 'predict' AND run_id LIKE '%-20270101'");
            }
        }

        // A rerun of the same scoring completes it, replacing what a late kill published rather than adding to it.
        CliProcess.Run(Dir, Predict("2027-01-01"));
        Assert.Equal((Clients, Clients), Counts());
        AssertEveryClientHasAPredictionAndRunsAreWhole();
    }

    private string[] Predict(string asOf) =>
        ["predict", "--model", "model", "--notes", "notes.csv", "--out", "scores.csv", "--as-of", asOf, "--db", "Data Source=" + DbFile];

    /// <summary>Predictions of the first scoring (as of 2026-12-31) and of the killed ones (as of 2027-01-01).</summary>
    private (long Before, long After) Counts()
    {
        using var c = Open();
        return (Scalar(c, "SELECT COUNT(*) FROM predictions WHERE as_of = '2026-12-31'"), Scalar(c, "SELECT COUNT(*) FROM predictions WHERE as_of = '2027-01-01'"));
    }

    private void AssertEveryClientHasAPredictionAndRunsAreWhole()
    {
        using var c = Open();
        Assert.Equal(Clients, Scalar(c, "SELECT COUNT(*) FROM clients"));
        Assert.Equal(0, Scalar(c, "SELECT COUNT(*) FROM clients WHERE client_id NOT IN (SELECT client_id FROM predictions)"));
        // A recorded run names exactly as many clients as its scoring has rows.
        Assert.Equal(0, Scalar(c, """
            SELECT COUNT(*) FROM runs r WHERE r.kind = 'predict'
            AND r.clients <> (SELECT COUNT(*) FROM predictions p WHERE p.as_of = substr(r.run_id, length(r.run_id) - 7, 4) || '-'
                || substr(r.run_id, length(r.run_id) - 3, 2) || '-' || substr(r.run_id, length(r.run_id) - 1, 2))
            """));
    }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbFile, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    private static long Scalar(SqliteConnection c, string sql)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected override void Dispose(bool disposing)
    {
        SqliteConnection.ClearAllPools();
        base.Dispose(disposing);
    }
}
