using System.Data.Common;
using Dapper;

namespace Clientele.Storage.Store;

public abstract partial class SqlStore
{
    private const string ModelColumns = "version, tier, bundle_path, created_at, metrics_json, active";

    private const string UpsertModelSql = """
        INSERT INTO model_versions (version, tier, bundle_path, created_at, metrics_json, active)
        VALUES (@Version, @Tier, @BundlePath, @CreatedAt, @MetricsJson, @Active)
        ON CONFLICT (version) DO UPDATE SET
            tier = excluded.tier, bundle_path = excluded.bundle_path, created_at = excluded.created_at,
            metrics_json = excluded.metrics_json, active = excluded.active
        """;

    private const string RunColumns = "run_id, kind, status, started_at, finished_at, clients, model_version, message";

    private const string UpsertRunSql = """
        INSERT INTO runs (run_id, kind, status, started_at, finished_at, clients, model_version, message)
        VALUES (@RunId, @Kind, @Status, @StartedAt, @FinishedAt, @Clients, @ModelVersion, @Message)
        ON CONFLICT (run_id) DO UPDATE SET
            kind = excluded.kind, status = excluded.status, started_at = excluded.started_at,
            finished_at = excluded.finished_at, clients = excluded.clients, model_version = excluded.model_version,
            message = excluded.message
        """;

    /// <summary>Inserts or replaces a version; saving it active deactivates every other one.</summary>
    public void SaveModelVersion(ModelVersionRecord version)
    {
        ArgumentNullException.ThrowIfNull(version);
        InTransaction((c, tx) =>
        {
            LockForUpdate(c, tx);
            UpsertModel(c, tx, version);
        });
    }

    public void SaveTrainedVersion(ModelVersionRecord version, RunRecord run, bool activate)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(run);
        InTransaction((c, tx) =>
        {
            LockForUpdate(c, tx);
            var noneActive = c.ExecuteScalar<int>("SELECT COUNT(*) FROM model_versions WHERE active AND version <> @Version", new { version.Version }, tx) == 0;
            UpsertModel(c, tx, version with { Active = version.Active || activate || noneActive });
            UpsertRun(c, tx, run);
        });
    }

    private void UpsertModel(DbConnection c, DbTransaction tx, ModelVersionRecord version)
    {
        if (version.Active)
        {
            // First, because the unique index on active rows would reject two at once.
            c.Execute("UPDATE model_versions SET active = FALSE WHERE active AND version <> @Version", new { version.Version }, tx);
        }

        c.Execute(UpsertModelSql, new
        {
            version.Version,
            version.Tier,
            version.BundlePath,
            CreatedAt = TimestampValue(version.CreatedAt),
            version.MetricsJson,
            version.Active,
        }, tx);
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<ModelVersionRecord> ListModelVersions() =>
        WithConnection(c => Query(c, $"SELECT {ModelColumns} FROM model_versions ORDER BY created_at DESC, version DESC", null, ReadModel));

    public bool ActivateModelVersion(string version) =>
        InTransaction((c, tx) =>
        {
            LockForUpdate(c, tx);
            if (c.ExecuteScalar<int>("SELECT COUNT(*) FROM model_versions WHERE version = @version", new { version }, tx) == 0)
            {
                return false;
            }

            c.Execute("UPDATE model_versions SET active = FALSE WHERE active AND version <> @version", new { version }, tx);
            c.Execute("UPDATE model_versions SET active = TRUE WHERE version = @version", new { version }, tx);
            return true;
        });

    public ModelVersionRecord? ActiveModelVersion() =>
        WithConnection(c => Query(c, $"SELECT {ModelColumns} FROM model_versions WHERE active", null, ReadModel)).SingleOrDefault();

    /// <summary>Inserts or replaces a run by id: a job saves it when it starts and again when it ends.</summary>
    public void SaveRun(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        InTransaction((c, tx) => UpsertRun(c, tx, run));
    }

    internal void UpsertRun(DbConnection c, DbTransaction tx, RunRecord run) =>
        c.Execute(UpsertRunSql, new
        {
            run.RunId,
            run.Kind,
            run.Status,
            StartedAt = TimestampValue(run.StartedAt),
            FinishedAt = run.FinishedAt is { } finished ? TimestampValue(finished) : null,
            run.Clients,
            run.ModelVersion,
            run.Message,
        }, tx);

    /// <summary>Newest first.</summary>
    public IReadOnlyList<RunRecord> ListRuns(int limit = 50)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return WithConnection(c => Query(
            c,
            $"SELECT {RunColumns} FROM runs ORDER BY started_at DESC, run_id DESC LIMIT @limit",
            new { limit },
            r => new RunRecord(
                r.GetString(0),
                r.GetString(1),
                r.GetString(2),
                ReadTimestamp(r, 3),
                ReadNullableTimestamp(r, 4),
                r.GetInt32(5),
                ReadNullableString(r, 6),
                ReadNullableString(r, 7))));
    }

    private ModelVersionRecord ReadModel(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), ReadTimestamp(r, 3), r.GetString(4), r.GetBoolean(5));
}
