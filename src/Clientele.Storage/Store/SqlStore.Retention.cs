using System.Data.Common;
using Dapper;

namespace Clientele.Storage.Store;

public abstract partial class SqlStore
{
    /// <summary>
    /// Applies <paramref name="cutoffs"/> in one transaction, rolled back when <paramref name="dryRun"/> (so the counts of a
    /// dry run are exactly what a real run would delete). Undated notes are kept: their age is unknown. Clients keep their
    /// row (with their latest prediction); their note count and dates are recomputed from the notes left.
    /// </summary>
    public RetentionRecord ApplyRetention(RetentionCutoffs cutoffs, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        if (cutoffs.VersionsKeep is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(cutoffs), "VersionsKeep must be 1 or more");
        }

        RetentionRecord result;
        using (var connection = OpenConnection())
        using (var tx = connection.BeginTransaction())
        {
            LockForUpdate(connection, tx);
            var notes = cutoffs.NotesBefore is { } notesBefore ? DeleteOldNotes(connection, tx, notesBefore) : 0;
            var predictions = cutoffs.PredictionsBefore is { } predictionsBefore
                ? connection.Execute(
                    """
                    DELETE FROM predictions WHERE scored_at < @Before AND id <> (
                        SELECT q.id FROM predictions q WHERE q.client_id = predictions.client_id ORDER BY q.scored_at DESC, q.id DESC LIMIT 1)
                    """,
                    new { Before = TimestampValue(predictionsBefore) },
                    tx)
                : 0;
            var versions = DeleteOldVersions(connection, tx, cutoffs);

            // Extension point: a transactions table (stored purchases) gets its own cutoff here, in this transaction.
            result = new RetentionRecord(notes, predictions, versions);
            if (dryRun)
            {
                tx.Rollback();
                return result;
            }

            tx.Commit();
        }

        if (result.Notes > 0 || result.Predictions > 0)
        {
            // Expired notes are personal data past their time: scrubbed from the files as an erasure is.
            ScrubAfterErasure();
        }

        return result;
    }

    /// <summary>Marks runs left queued or running by a process that died as failed; returns how many.</summary>
    public int FailUnfinishedRuns(DateTimeOffset at, string message) =>
        InTransaction((c, tx) => c.Execute(
            "UPDATE runs SET status = 'failed', finished_at = @At, message = @message WHERE status IN ('queued', 'running')",
            new { At = TimestampValue(at), message },
            tx));

    private int DeleteOldNotes(DbConnection c, DbTransaction tx, DateOnly before)
    {
        var p = new { Before = DateValue(before) };
        var clients = c.Query<string>("SELECT DISTINCT client_id FROM notes WHERE note_date < @Before", p, tx).ToList();
        var deleted = c.Execute("DELETE FROM notes WHERE note_date < @Before", p, tx);
        MultiRow.WhereIn(c, tx, RowsPerStatement, """
            UPDATE clients SET
                note_count = (SELECT COUNT(*) FROM notes n WHERE n.client_id = clients.client_id),
                first_note = (SELECT MIN(n.note_date) FROM notes n WHERE n.client_id = clients.client_id),
                last_note = (SELECT MAX(n.note_date) FROM notes n WHERE n.client_id = clients.client_id)
            WHERE client_id IN
            """, clients);
        return deleted;
    }

    private List<ModelVersionRecord> DeleteOldVersions(DbConnection c, DbTransaction tx, RetentionCutoffs cutoffs)
    {
        if (cutoffs.VersionsKeep is null && cutoffs.VersionsBefore is null)
        {
            return [];
        }

        var all = Query(c, $"SELECT {ModelColumns} FROM model_versions ORDER BY created_at DESC, version DESC", null, ReadModel, tx);
        var old = all
            .Where((v, i) => !v.Active && ((cutoffs.VersionsKeep is { } keep && i >= keep) || (cutoffs.VersionsBefore is { } before && v.CreatedAt < before)))
            .ToList();
        var names = old.Select(v => v.Version).ToList();
        MultiRow.WhereIn(c, tx, RowsPerStatement, "DELETE FROM training_members WHERE version IN", names);
        MultiRow.WhereIn(c, tx, RowsPerStatement, "DELETE FROM model_versions WHERE version IN", names);
        return old;
    }
}
