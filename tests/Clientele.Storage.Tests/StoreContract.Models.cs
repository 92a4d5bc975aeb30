using Clientele.Storage.Tests.Infrastructure;

namespace Clientele.Storage.Tests;

public abstract partial class StoreContract
{
    [StoreFact]
    public void Model_versions_are_listed_newest_first_with_at_most_one_active()
    {
        Store.SaveModelVersion(Sample.Model("v1", 0));
        Store.SaveModelVersion(Sample.Model("v2", 10));
        Assert.Null(Store.ActiveModelVersion());

        Assert.True(Store.ActivateModelVersion("v1"));
        Assert.True(Store.ActivateModelVersion("v2"));

        Assert.Equal([Sample.Model("v2", 10, active: true), Sample.Model("v1", 0)], Store.ListModelVersions());
        Assert.Equal("v2", Store.ActiveModelVersion()?.Version);
    }

    [StoreFact]
    public void A_trained_version_is_saved_with_its_run_and_activated_only_when_asked_or_when_none_is_active()
    {
        Store.SaveTrainedVersion(Sample.Model("v1", 0), Sample.Run("r1", 0) with { ModelVersion = "v1" }, activate: false);
        Assert.Equal("v1", Store.ActiveModelVersion()?.Version); // none was active
        Assert.Equal("v1", Store.ListRuns().Single().ModelVersion);

        Store.SaveTrainedVersion(Sample.Model("v2", 10), Sample.Run("r2", 10) with { ModelVersion = "v2" }, activate: false);
        Assert.Equal("v1", Store.ActiveModelVersion()?.Version);

        Store.SaveTrainedVersion(Sample.Model("v1", 20), Sample.Run("r3", 20) with { ModelVersion = "v1" }, activate: false);
        Assert.Equal("v1", Store.ActiveModelVersion()?.Version); // retraining the active version keeps it active

        Store.SaveTrainedVersion(Sample.Model("v2", 30), Sample.Run("r4", 30) with { ModelVersion = "v2" }, activate: true);
        Assert.Equal("v2", Store.ActiveModelVersion()?.Version);
        Assert.Equal(4, Store.ListRuns().Count);
    }

    [StoreFact]
    public void Activating_an_unknown_version_returns_false_and_changes_nothing()
    {
        Store.SaveModelVersion(Sample.Model("v1", 0, active: true));

        Assert.False(Store.ActivateModelVersion("v9"));

        Assert.Equal("v1", Store.ActiveModelVersion()?.Version);
    }

    [StoreFact]
    public void Saving_an_active_version_deactivates_the_others()
    {
        Store.SaveModelVersion(Sample.Model("v1", 0, active: true));
        Store.SaveModelVersion(Sample.Model("v2", 10, active: true));
        Store.SaveModelVersion(Sample.Model("v2", 10, active: true) with { MetricsJson = "{}" });

        var versions = Store.ListModelVersions();
        Assert.Equal(["v2"], versions.Where(v => v.Active).Select(v => v.Version));
        Assert.Equal("{}", versions[0].MetricsJson);
    }

    [StoreFact]
    public void Concurrent_activations_leave_exactly_one_active()
    {
        var names = Enumerable.Range(0, 6).Select(i => $"v{i}").ToList();
        names.ForEach(n => Store.SaveModelVersion(Sample.Model(n, names.IndexOf(n))));

        Parallel.ForEach(
            Enumerable.Range(0, 24),
            new ParallelOptions { MaxDegreeOfParallelism = 6 },
            i => Assert.True((i % 2 == 0 ? Store : NewStore()).ActivateModelVersion(names[i % names.Count])));

        Assert.Single(Store.ListModelVersions(), v => v.Active);
    }

    [StoreFact]
    public void Runs_are_listed_newest_first_limited_and_updated_by_id()
    {
        Store.SaveRun(Sample.Run("r1", 0));
        Store.SaveRun(Sample.Run("r3", 20, status: "running") with { FinishedAt = null });
        Store.SaveRun(Sample.Run("r2", 10));
        Store.SaveRun(Sample.Run("r3", 20, status: "failed") with { Message = "out of memory" });

        Assert.Equal(["r3", "r2", "r1"], Store.ListRuns().Select(r => r.RunId));
        Assert.Equal([Sample.Run("r3", 20, status: "failed") with { Message = "out of memory" }], Store.ListRuns(limit: 1));
        Assert.Null(Store.ListRuns().Single(r => r.RunId == "r1").Message);
    }
}
