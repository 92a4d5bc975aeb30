using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Clientele.Storage.Store;

/// <summary>
/// PostgreSQL's scoring writer: each batch goes by binary COPY into temporary staging tables of one session, and
/// <see cref="Publish"/> moves them into the tables in one transaction (INSERT … SELECT with the upserts) that also
/// records the run. Temporary tables belong to the session, so a killed worker leaves nothing behind: the server
/// drops them when the connection goes, and nothing was published.
/// </summary>
internal sealed class PostgresStagedScoring : IScoringWriter
{
    private const string CreateStaging = """
        CREATE TEMP TABLE stage_clients (seq bigint GENERATED ALWAYS AS IDENTITY, client_id text COLLATE "C" NOT NULL,
            display_name text NOT NULL, first_note date, last_note date, note_count integer NOT NULL, languages text, search_key text NOT NULL);
        CREATE TEMP TABLE stage_notes (seq bigint GENERATED ALWAYS AS IDENTITY, client_id text COLLATE "C" NOT NULL, note_date date,
            language text, body text NOT NULL, body_key text, note_key text);
        CREATE TEMP TABLE stage_concepts (client_id text COLLATE "C" NOT NULL, concept_id text COLLATE "C" NOT NULL, label text NOT NULL,
            category text NOT NULL, mentions integer NOT NULL);
        CREATE TEMP TABLE stage_predictions (client_id text COLLATE "C" NOT NULL, model_version text COLLATE "C" NOT NULL,
            scored_at timestamptz NOT NULL, purchase_prob double precision, will_purchase boolean NOT NULL, churn_risk double precision,
            will_churn boolean NOT NULL, predicted_clv double precision, value_segment text NOT NULL, risk_segment text NOT NULL,
            reasons text NOT NULL, as_of date NOT NULL);
        """;

    // A client staged twice keeps its last record (as SaveClients does); notes keep their staged order and are
    // appended, a note already stored with the same key skipped.
    private const string PublishStaging = $"""
        INSERT INTO clients (client_id, display_name, first_note, last_note, note_count, languages, search_key, updated_at)
            SELECT DISTINCT ON (client_id) client_id, display_name, first_note, last_note, note_count, languages, search_key, now()
            FROM stage_clients ORDER BY client_id, seq DESC
        {SqlStore.UpsertClientTail};
        DELETE FROM concepts WHERE client_id IN (SELECT client_id FROM stage_clients);
        INSERT INTO notes (client_id, note_date, language, body, body_key, note_key)
            SELECT client_id, note_date, language, body, body_key, note_key FROM stage_notes ORDER BY seq
        ON CONFLICT DO NOTHING;
        INSERT INTO concepts (client_id, concept_id, label, category, mentions)
            SELECT client_id, concept_id, label, category, mentions FROM stage_concepts;
        INSERT INTO predictions ({SqlStore.ScoringColumns}) SELECT {SqlStore.ScoringColumns} FROM stage_predictions
        {SqlStore.UpsertScoringTail};
        """;

    private readonly SqlStore _store;
    private readonly NpgsqlConnection _connection;
    private readonly DateOnly _asOf;
    private bool _done;

    public PostgresStagedScoring(SqlStore store, NpgsqlConnection connection, DateOnly asOf)
    {
        _store = store;
        _connection = connection;
        _asOf = asOf;
        try
        {
            _connection.Execute(CreateStaging);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    public void Add(ScoredBatch batch)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        SqlStore.RequireOwned(batch);
        var clients = SqlStore.LastOfEachClient(batch.Clients);
        Copy("stage_clients (client_id, display_name, first_note, last_note, note_count, languages, search_key)", clients, (w, x) =>
        {
            Text(w, x.ClientId);
            Text(w, x.DisplayName ?? string.Empty);
            Date(w, x.FirstNote);
            Date(w, x.LastNote);
            w.Write(x.NoteCount, NpgsqlDbType.Integer);
            Text(w, x.Languages);
            Text(w, SqlStore.SearchKey(x.ClientId, x.DisplayName));
        });
        var keys = _store.NoteKeys(batch.Notes);
        var i = 0;
        Copy("stage_notes (client_id, note_date, language, body, body_key, note_key)", batch.Notes, (w, n) =>
        {
            var key = keys[i++];
            // Sealed under the data key when one is configured, as every other note write is.
            var (body, keyId) = _store.SealNote(n.ClientId, n.Text);
            Text(w, n.ClientId);
            Date(w, n.Date);
            Text(w, n.Language);
            Text(w, body);
            Text(w, keyId);
            Text(w, key);
        });
        Copy("stage_concepts (client_id, concept_id, label, category, mentions)", batch.Concepts, (w, c) =>
        {
            Text(w, c.ClientId);
            Text(w, c.ConceptId);
            Text(w, c.Label);
            Text(w, c.Category);
            w.Write(c.Count, NpgsqlDbType.Integer);
        });
        Copy($"stage_predictions ({SqlStore.ScoringColumns})", batch.Predictions, (w, p) =>
        {
            Text(w, p.ClientId);
            Text(w, p.ModelVersion);
            w.Write(p.ScoredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            Real(w, p.Score.PurchaseProb);
            w.Write(p.Score.WillPurchase, NpgsqlDbType.Boolean);
            Real(w, p.Score.ChurnRisk);
            w.Write(p.Score.WillChurn, NpgsqlDbType.Boolean);
            Real(w, p.Score.PredictedClv);
            Text(w, p.Score.ValueSegment);
            Text(w, p.Score.RiskSegment);
            Text(w, p.Score.Reasons);
            w.Write(_asOf, NpgsqlDbType.Date);
        });
    }

    public void Publish(RunRecord? run)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        using var transaction = _connection.BeginTransaction();
        _connection.Execute(PublishStaging, transaction: transaction, commandTimeout: 0);
        if (run is not null)
        {
            _store.UpsertRun(_connection, transaction, run);
        }

        transaction.Commit();
        _done = true;
    }

    public void Dispose()
    {
        if (_connection.State == System.Data.ConnectionState.Open)
        {
            try
            {
                // Back to the pool without the staged rows (the pool's reset would drop them too).
                _connection.Execute("DISCARD TEMP");
            }
            catch (NpgsqlException)
            {
                // A broken connection is not returned to the pool: its temporary tables go with its session.
            }
        }

        _connection.Dispose();
        _done = true;
    }

    private void Copy<T>(string target, IReadOnlyList<T> rows, Action<NpgsqlBinaryImporter, T> write)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var importer = _connection.BeginBinaryImport($"COPY {target} FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            importer.StartRow();
            write(importer, row);
        }

        importer.Complete();
    }

    // Null-tolerant so that a null id reaches the database and fails there (NOT NULL), as the other writes do.
    private static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void Date(NpgsqlBinaryImporter w, DateOnly? value)
    {
        if (value is { } d)
        {
            w.Write(d, NpgsqlDbType.Date);
        }
        else
        {
            w.WriteNull();
        }
    }

    private static void Real(NpgsqlBinaryImporter w, double value)
    {
        if (SqlStore.Score(value) is { } v)
        {
            w.Write(v, NpgsqlDbType.Double);
        }
        else
        {
            w.WriteNull();
        }
    }
}
