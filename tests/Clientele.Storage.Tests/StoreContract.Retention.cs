using Clientele.Storage.Store;
using Clientele.Storage.Tests.Infrastructure;

namespace Clientele.Storage.Tests;

public abstract partial class StoreContract
{
    [StoreFact]
    public void Retention_deletes_notes_dated_before_the_cutoff_keeps_undated_ones_and_recounts_the_clients_notes()
    {
        Store.SaveClients([Sample.Client("A"), Sample.Client("B")],
            [Sample.Note("A", "old silk", Sample.Day), Sample.Note("A", "recent gold", Sample.Day.AddDays(40)), Sample.Note("A", "undated", null),
             Sample.Note("B", "old too", Sample.Day.AddDays(5))],
            []);

        var deleted = Store.ApplyRetention(new RetentionCutoffs(Sample.Day.AddDays(10), null, null, null), dryRun: false);

        Assert.Equal(2, deleted.Notes);
        Assert.Equal(["recent gold", "undated"], Store.GetNotes("A").Select(n => n.Text));
        Assert.Empty(Store.GetNotes("B"));
        var a = Store.GetClient("A")!;
        Assert.Equal((2, Sample.Day.AddDays(40), Sample.Day.AddDays(40)), (a.NoteCount, a.FirstNote, a.LastNote));
        var b = Store.GetClient("B")!;
        Assert.Equal((0, (DateOnly?)null), (b.NoteCount, b.LastNote));
    }

    [StoreFact]
    public void Retention_deletes_predictions_scored_before_the_cutoff_but_keeps_each_clients_latest()
    {
        Store.SaveClients(Sample.Client("A"), Sample.Client("B"));
        Store.SavePredictions([
            Sample.Prediction("A", Sample.T0, 1), Sample.Prediction("A", Sample.T0.AddDays(1), 2), Sample.Prediction("A", Sample.T0.AddDays(30), 3),
            Sample.Prediction("B", Sample.T0, 4), Sample.Prediction("B", Sample.T0.AddDays(2), 5)]);

        var deleted = Store.ApplyRetention(new RetentionCutoffs(null, Sample.T0.AddDays(10), null, null), dryRun: false);

        Assert.Equal(3, deleted.Predictions);
        Assert.Equal([3.0], Store.GetPredictionHistory("A").Select(p => p.Score.PredictedClv));
        Assert.Equal([5.0], Store.GetPredictionHistory("B").Select(p => p.Score.PredictedClv));
    }

    [StoreFact]
    public void Retention_keeps_the_newest_versions_and_never_deletes_the_active_one()
    {
        Store.SaveTrainedVersion(Sample.Model("v1", 0), null, activate: false, ["A"]);
        Store.SaveModelVersion(Sample.Model("v2", 10, active: true));
        Store.SaveModelVersion(Sample.Model("v3", 20));
        Store.SaveModelVersion(Sample.Model("v4", 30));

        var byCount = Store.ApplyRetention(new RetentionCutoffs(null, null, VersionsKeep: 1, null), dryRun: false);

        Assert.Equal(["v3", "v1"], byCount.Versions.Select(v => v.Version));
        Assert.Equal(["v4", "v2"], Store.ListModelVersions().Select(v => v.Version));
        Assert.Equal("v2", Store.ActiveModelVersion()?.Version);

        var byAge = Store.ApplyRetention(new RetentionCutoffs(null, null, null, Sample.T0.AddMinutes(40)), dryRun: false);
        Assert.Equal(["v4"], byAge.Versions.Select(v => v.Version));
        Assert.Equal(["v2"], Store.ListModelVersions().Select(v => v.Version));
    }

    [StoreFact]
    public void A_retention_dry_run_counts_exactly_what_the_real_run_deletes_and_changes_nothing()
    {
        Store.SaveClients([Sample.Client("A")], [Sample.Note("A", "old", Sample.Day), Sample.Note("A", "new", Sample.Day.AddDays(40))], []);
        Store.SavePredictions([Sample.Prediction("A", Sample.T0, 1), Sample.Prediction("A", Sample.T0.AddDays(30), 2)]);
        Store.SaveModelVersion(Sample.Model("v1", 0));
        Store.SaveModelVersion(Sample.Model("v2", 10, active: true));
        var cutoffs = new RetentionCutoffs(Sample.Day.AddDays(10), Sample.T0.AddDays(10), 1, null);

        var dry = Store.ApplyRetention(cutoffs, dryRun: true);

        Assert.Equal(2, Store.GetNotes("A").Count);
        Assert.Equal(2, Store.GetPredictionHistory("A").Count);
        Assert.Equal(2, Store.ListModelVersions().Count);
        var real = Store.ApplyRetention(cutoffs, dryRun: false);
        Assert.Equal((1, 1, 1), (dry.Notes, dry.Predictions, dry.Versions.Count));
        Assert.Equal((dry.Notes, dry.Predictions), (real.Notes, real.Predictions));
        Assert.Equal(dry.Versions.Select(v => v.Version), real.Versions.Select(v => v.Version));
        Assert.Single(Store.GetNotes("A"));
    }

    [StoreFact]
    public void Runs_left_queued_or_running_are_marked_failed_and_finished_ones_are_left_alone()
    {
        Store.SaveRun(Sample.Run("r1", 0, status: "running") with { FinishedAt = null });
        Store.SaveRun(Sample.Run("r2", 1, status: "queued") with { FinishedAt = null });
        Store.SaveRun(Sample.Run("r3", 2));

        Assert.Equal(2, Store.FailUnfinishedRuns(Sample.T0.AddHours(1), "interrupted"));

        var runs = Store.ListRuns().ToDictionary(r => r.RunId);
        Assert.Equal(("failed", "interrupted", Sample.T0.AddHours(1)), (runs["r1"].Status, runs["r1"].Message, runs["r1"].FinishedAt!.Value));
        Assert.Equal("failed", runs["r2"].Status);
        Assert.Equal(("succeeded", (string?)null), (runs["r3"].Status, runs["r3"].Message));
        Assert.Equal(0, Store.FailUnfinishedRuns(Sample.T0.AddHours(2), "interrupted"));
    }
}
