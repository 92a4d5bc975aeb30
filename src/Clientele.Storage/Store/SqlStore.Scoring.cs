using System.Data.Common;

namespace Clientele.Storage.Store;

public abstract partial class SqlStore
{
    public IScoringWriter BeginScoring(DateOnly asOf) => CreateScoringWriter(asOf);

    /// <summary>
    /// The engine's scoring writer. By default every batch goes straight into the tables inside one transaction
    /// that <see cref="IScoringWriter.Publish"/> commits: uncommitted rows are the staging area (SQLite's WAL
    /// readers never see them, and a killed process's transaction is rolled back when the file is next opened).
    /// </summary>
    private protected virtual IScoringWriter CreateScoringWriter(DateOnly asOf) => new DirectScoringWriter(this, asOf);

    /// <summary>Connection settings of a large write (the engine's; none by default).</summary>
    private protected virtual void TuneForBulk(DbConnection connection)
    {
    }

    /// <summary>Checks a batch before anything of it is written.</summary>
    internal static void RequireOwned(ScoredBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var ids = batch.Clients.Select(c => c.ClientId).ToHashSet(StringComparer.Ordinal);
        RequireInBatch(ids, batch.Notes.Select(n => n.ClientId), "note");
        RequireInBatch(ids, batch.Concepts.Select(c => c.ClientId), "concept");
    }

    /// <summary>
    /// Writes batches into the tables through statements prepared once per run and reused for every row (SQLite
    /// has no round trip to save, so one row per statement is the fast shape: see <see cref="MultiRow"/>).
    /// </summary>
    private sealed class DirectScoringWriter(SqlStore store, DateOnly asOf) : IScoringWriter
    {
        private DbConnection? _connection;
        private DbTransaction? _transaction;
        private Prepared? _upsertClient;
        private Prepared? _deleteConcepts;
        private Prepared? _insertNote;
        private Prepared? _insertConcept;
        private Prepared? _upsertPrediction;
        private bool _published;

        public void Add(ScoredBatch batch)
        {
            ObjectDisposedException.ThrowIf(_published, this);
            RequireOwned(batch);
            var noteKeys = store.NoteKeys(batch.Notes); // before the transaction opens
            Begin();
            var now = store.TimestampValue(DateTimeOffset.UtcNow);
            foreach (var x in LastOfEachClient(batch.Clients))
            {
                _upsertClient!.Run(x.ClientId, x.DisplayName ?? string.Empty, store.DateValue(x.FirstNote), store.DateValue(x.LastNote), x.NoteCount,
                    x.Languages, SearchKey(x.ClientId, x.DisplayName), now);
                _deleteConcepts!.Run(x.ClientId);
            }

            for (var i = 0; i < batch.Notes.Count; i++)
            {
                // Sealed under the data key when one is configured, as every other note write is; appended unless already stored.
                var n = batch.Notes[i];
                var (body, keyId) = store.SealNote(n.ClientId, n.Text);
                _insertNote!.Run(n.ClientId, store.DateValue(n.Date), n.Language, body, keyId, noteKeys[i]);
            }

            foreach (var c in batch.Concepts)
            {
                _insertConcept!.Run(c.ClientId, c.ConceptId, c.Label, c.Category, c.Count);
            }

            var day = store.DateValue(asOf);
            foreach (var p in batch.Predictions)
            {
                _upsertPrediction!.Run(p.ClientId, p.ModelVersion, store.TimestampValue(p.ScoredAt), Score(p.Score.PurchaseProb), p.Score.WillPurchase,
                    Score(p.Score.ChurnRisk), p.Score.WillChurn, Score(p.Score.PredictedClv), p.Score.ValueSegment, p.Score.RiskSegment, p.Score.Reasons, day);
            }
        }

        public void Publish(RunRecord? run)
        {
            ObjectDisposedException.ThrowIf(_published, this);
            Begin();
            if (run is not null)
            {
                store.UpsertRun(_connection!, _transaction!, run);
            }

            _transaction!.Commit();
            _published = true;
        }

        public void Dispose()
        {
            foreach (var p in new[] { _upsertClient, _deleteConcepts, _insertNote, _insertConcept, _upsertPrediction })
            {
                p?.Dispose();
            }

            _transaction?.Dispose(); // rolls back when not committed
            _connection?.Dispose();
            _published = true;
        }

        // Lazily, so the write lock is taken when there is something to write, not while the run reads and scores.
        private void Begin()
        {
            if (_connection is not null)
            {
                return;
            }

            _connection = store.OpenConnection();
            store.TuneForBulk(_connection);
            _transaction = _connection.BeginTransaction();
            _upsertClient = new Prepared(_connection, _transaction, UpsertClientHead, UpsertClientTail, 8);
            _deleteConcepts = new Prepared(_connection, _transaction, "DELETE FROM concepts WHERE client_id =", string.Empty, 1, tuple: false);
            _insertNote = new Prepared(_connection, _transaction, InsertNoteHead, InsertNoteTail, 6);
            _insertConcept = new Prepared(_connection, _transaction, "INSERT INTO concepts (client_id, concept_id, label, category, mentions) VALUES", string.Empty, 5);
            _upsertPrediction = new Prepared(_connection, _transaction, $"INSERT INTO predictions ({ScoringColumns}) VALUES", UpsertScoringTail, 12);
        }
    }

    /// <summary>One statement with positional parameters, prepared once and run with new values per row.</summary>
    private sealed class Prepared : IDisposable
    {
        private readonly DbCommand _command;

        public Prepared(DbConnection connection, DbTransaction transaction, string head, string tail, int width, bool tuple = true)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            var names = new string[width];
            for (var i = 0; i < width; i++)
            {
                var parameter = _command.CreateParameter();
                parameter.ParameterName = names[i] = $"@p{i}"; // prefixed: see MultiRow.Create
                _command.Parameters.Add(parameter);
            }

            var list = string.Join(", ", names);
            _command.CommandText = tuple ? $"{head} ({list}) {tail}" : $"{head} {list} {tail}";
            _command.Prepare();
        }

        public void Run(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                _command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            _command.ExecuteNonQuery();
        }

        public void Dispose() => _command.Dispose();
    }
}
