using System.Text.Json.Nodes;
using Clientele.Core.Ingest;
using Clientele.Storage.Store;

namespace Clientele.Cli.Tests;

/// <summary>Issue 15, item 7 from the command line: <c>clientele retention</c>.</summary>
public sealed class RetentionCliTests(CliFixture data) : IClassFixture<CliFixture>
{
    [Fact]
    public void Retention_dry_run_counts_then_the_real_run_deletes_old_notes_old_versions_and_their_folders_but_not_the_active_one()
    {
        var db = "Data Source=" + data.PathOf("retention.db");
        var models = data.PathOf("retention-models");
        var now = DateTimeOffset.UtcNow;
        using (var store = new SqliteStore(db))
        {
            store.Migrate();
            store.SaveClients([new ClientRecord("A", string.Empty, null, null, 2, "EN")],
                [new Note("A", DateOnly.FromDateTime(now.UtcDateTime).AddDays(-400), "EN", "old note", 2), new Note("A", DateOnly.FromDateTime(now.UtcDateTime), "EN", "new note", 2)], []);
            foreach (var (version, age, active) in new[] { ("old", 30, false), ("active", 20, true), ("newest", 1, false) })
            {
                Directory.CreateDirectory(Path.Combine(models, version));
                store.SaveModelVersion(new ModelVersionRecord(version, "fast", Path.Combine(models, version), now.AddDays(-age), "{}", active));
            }
        }

        var dryOut = RunOk("retention", "--db", db, "--notes-days", "365", "--versions-keep", "1", "--models-dir", models, "--dry-run", "--json");
        var dry = JsonNode.Parse(dryOut)!;
        Assert.Equal((true, 1, "old"), (dry["dry_run"]!.GetValue<bool>(), dry["notes"]!.GetValue<int>(), dry["versions"]![0]!.GetValue<string>()));
        Assert.Equal("old", dry["bundle_folders"]![0]!.GetValue<string>());
        Assert.True(Directory.Exists(Path.Combine(models, "old")));

        var stdout = RunOk("retention", "--db", db, "--notes-days", "365", "--versions-keep", "1", "--models-dir", models);
        Assert.Equal("deleted 1 notes, 0 predictions, 1 model versions, 1 bundle folders", stdout.Trim());
        Assert.False(Directory.Exists(Path.Combine(models, "old")));
        Assert.True(Directory.Exists(Path.Combine(models, "active")));
        using var after = new SqliteStore(db);
        Assert.Equal(["newest", "active"], after.ListModelVersions().Select(v => v.Version));
        Assert.Equal(["new note"], after.GetNotes("A").Select(n => n.Text));
        Assert.Contains(after.ListAudit(), a => a.Action == "retention");
    }

    [Fact]
    public void Orphan_bundle_folders_unchanged_for_an_hour_are_removed_but_recent_ones_and_folders_that_are_no_bundle_stay()
    {
        var db = "Data Source=" + data.PathOf("orphans.db");
        var models = data.PathOf("orphan-models");
        using (var store = new SqliteStore(db))
        {
            store.Migrate();
            Directory.CreateDirectory(Path.Combine(models, "kept"));
            store.SaveModelVersion(new ModelVersionRecord("kept", "fast", Path.Combine(models, "kept"), DateTimeOffset.UtcNow, "{}", true));
        }

        foreach (var (name, bundle, hoursOld) in new[] { ("old-orphan", true, 2), ("new-orphan", true, 0), ("not-a-bundle", false, 2), ("kept", true, 2) })
        {
            var dir = Path.Combine(models, name);
            Directory.CreateDirectory(dir);
            if (bundle)
            {
                File.WriteAllText(Path.Combine(dir, "metadata.json"), "{}");
            }

            Directory.SetLastWriteTimeUtc(dir, DateTime.UtcNow.AddHours(-hoursOld));
        }

        var stdout = RunOk("retention", "--db", db, "--models-dir", models, "--json");
        Assert.Equal(["old-orphan"], JsonNode.Parse(stdout)!["bundle_folders"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["kept", "new-orphan", "not-a-bundle"], Directory.GetDirectories(models).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("--versions-keep", "2", "--versions-days", "30")]
    [InlineData("--notes-days", "0")]
    [InlineData("--dry-run")]
    public void Contradictory_zero_or_missing_bounds_are_usage_errors(params string[] options)
    {
        var (exit, _, err) = Run(["retention", "--db", "Data Source=" + data.PathOf("never.db"), .. options]);
        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", err, StringComparison.Ordinal);
        Assert.False(File.Exists(data.PathOf("never.db")));
    }
}
