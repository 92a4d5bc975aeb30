using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Clientele.Storage.Store;

public sealed partial class SqliteStore
{
    private protected override IScoringWriter CreateScoringWriter(DateOnly asOf) => new SqliteScoringWriter(this, asOf);

    /// <summary>
    /// Writes a run's batches in one transaction, published by its commit, through statements prepared once and
    /// bound by position for every row. It goes below ADO.NET to SQLite's own calls: a run binds tens of millions
    /// of values, and a <see cref="SqliteCommand"/> looks each parameter up by name and boxes it on every row
    /// (BENCHMARKS, 2026-12-07). SQLite has no round trip to save, so one row per statement is the fast shape.
    /// </summary>
    private sealed class SqliteScoringWriter(SqliteStore store, DateOnly asOf) : IScoringWriter
    {
        private SqliteConnection? _connection;
        private DbTransaction? _transaction;
        private RawStatement? _upsertClient;
        private RawStatement? _deleteConcepts;
        private RawStatement? _insertNote;
        private RawStatement? _insertConcept;
        private RawStatement? _upsertPrediction;
        private bool _ended;

        public void Add(ScoredBatch batch)
        {
            ObjectDisposedException.ThrowIf(_ended, this);
            RequireOwned(batch);
            var noteKeys = store.NoteKeys(batch.Notes); // before the transaction opens
            Begin();
            var now = TimestampText(DateTimeOffset.UtcNow);
            foreach (var x in LastOfEachClient(batch.Clients))
            {
                _upsertClient!.Text(1, x.ClientId).Text(2, x.DisplayName ?? string.Empty).Text(3, DateText(x.FirstNote))
                    .Text(4, DateText(x.LastNote)).Integer(5, x.NoteCount).Text(6, x.Languages)
                    .Text(7, SearchKey(x.ClientId, x.DisplayName)).Text(8, now).Run();
                _deleteConcepts!.Text(1, x.ClientId).Run();
            }

            for (var i = 0; i < batch.Notes.Count; i++)
            {
                // Sealed under the data key when one is configured, as every other note write is; appended unless already stored.
                var n = batch.Notes[i];
                var (body, keyId) = store.SealNote(n.ClientId, n.Text);
                _insertNote!.Text(1, n.ClientId).Text(2, DateText(n.Date)).Text(3, n.Language).Text(4, body).Text(5, keyId)
                    .Text(6, noteKeys[i]).Run();
            }

            foreach (var c in batch.Concepts)
            {
                _insertConcept!.Text(1, c.ClientId).Text(2, c.ConceptId).Text(3, c.Label).Text(4, c.Category).Integer(5, c.Count).Run();
            }

            var day = DateText(asOf);
            foreach (var p in batch.Predictions)
            {
                var s = p.Score;
                _upsertPrediction!.Text(1, p.ClientId).Text(2, p.ModelVersion).Text(3, TimestampText(p.ScoredAt))
                    .Real(4, Score(s.PurchaseProb)).Integer(5, s.WillPurchase ? 1 : 0).Real(6, Score(s.ChurnRisk))
                    .Integer(7, s.WillChurn ? 1 : 0).Real(8, Score(s.PredictedClv)).Text(9, s.ValueSegment).Text(10, s.RiskSegment)
                    .Text(11, s.Reasons).Text(12, day).Run();
            }
        }

        public void Publish(RunRecord? run)
        {
            ObjectDisposedException.ThrowIf(_ended, this);
            Begin();
            if (run is not null)
            {
                store.UpsertRun(_connection!, _transaction!, run);
            }

            _transaction!.Commit();
            _ended = true;
        }

        public void Dispose()
        {
            // Statements first: a connection with unfinalized statements cannot close.
            foreach (var s in new[] { _upsertClient, _deleteConcepts, _insertNote, _insertConcept, _upsertPrediction })
            {
                s?.Dispose();
            }

            _transaction?.Dispose(); // rolls back when not committed
            _connection?.Dispose();
            _ended = true;
        }

        // Lazily, so the write lock is taken when there is something to write, not while the run reads and scores.
        private void Begin()
        {
            if (_connection is not null)
            {
                return;
            }

            _connection = (SqliteConnection)store.OpenConnection();
            TuneForBulk(_connection);
            _transaction = _connection.BeginTransaction();
            _upsertClient = new RawStatement(_connection, RowStatement(UpsertClientHead, UpsertClientTail, 8));
            _deleteConcepts = new RawStatement(_connection, "DELETE FROM concepts WHERE client_id = ?1");
            _insertNote = new RawStatement(_connection, RowStatement(InsertNoteHead, InsertNoteTail, 6));
            _insertConcept = new RawStatement(
                _connection, RowStatement("INSERT INTO concepts (client_id, concept_id, label, category, mentions) VALUES", string.Empty, 5));
            _upsertPrediction = new RawStatement(_connection, RowStatement($"INSERT INTO predictions ({ScoringColumns}) VALUES", UpsertScoringTail, 12));
        }

        private static string RowStatement(string head, string tail, int width) =>
            $"{head} ({string.Join(", ", Enumerable.Range(1, width).Select(i => $"?{i}"))}) {tail}";
    }

    /// <summary>
    /// One SQLite statement prepared on a connection, bound by position (1-based, as SQLite counts) and run once per
    /// row. Nothing is boxed or allocated per value.
    /// </summary>
    private sealed class RawStatement : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;
        private byte[] _utf8 = new byte[1024];

        public RawStatement(SqliteConnection connection, string sql)
        {
            _db = connection.Handle!;
            Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        }

        public RawStatement Text(int index, string? value)
        {
            if (value is null)
            {
                Check(raw.sqlite3_bind_null(_statement, index));
                return this;
            }

            // Encoded here, into one buffer the statement keeps (SQLite copies what is bound): the file is UTF-8, and
            // SQLite converts UTF-16 a byte at a time, which took 6 s of a million-client run (BENCHMARKS, 2026-12-07).
            var needed = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (_utf8.Length < needed)
            {
                _utf8 = new byte[Math.Max(needed, _utf8.Length * 2)];
            }

            var length = Encoding.UTF8.GetBytes(value, _utf8);
            Check(raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, length)));
            return this;
        }

        public RawStatement Integer(int index, long value)
        {
            Check(raw.sqlite3_bind_int64(_statement, index, value));
            return this;
        }

        public RawStatement Real(int index, double? value)
        {
            Check(value is { } v ? raw.sqlite3_bind_double(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));
            return this;
        }

        /// <summary>Runs the statement with the values bound, then clears them for the next row.</summary>
        public void Run()
        {
            try
            {
                var rc = raw.sqlite3_step(_statement);
                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, _db); // reads the message before the reset below
                }
            }
            finally
            {
                raw.sqlite3_reset(_statement);
                raw.sqlite3_clear_bindings(_statement);
            }
        }

        public void Dispose() => _statement.Dispose();

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }
    }
}
