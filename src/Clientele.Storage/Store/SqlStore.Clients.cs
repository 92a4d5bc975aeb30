using System.Data.Common;
using System.Text;
using Clientele.Core.Ingest;
using Clientele.Core.Text;
using Dapper;

namespace Clientele.Storage.Store;

public abstract partial class SqlStore
{
    private const int MaxPageSize = 10_000;

    private const string ClientColumns =
        "c.client_id, c.display_name, c.first_note, c.last_note, c.note_count, c.languages";

    private const int ClientColumnCount = 6;

    internal const string UpsertClientHead =
        "INSERT INTO clients (client_id, display_name, first_note, last_note, note_count, languages, search_key, updated_at) VALUES";

    internal const string UpsertClientTail = """
        ON CONFLICT (client_id) DO UPDATE SET
            display_name = CASE WHEN excluded.display_name = '' THEN clients.display_name ELSE excluded.display_name END,
            first_note = excluded.first_note, last_note = excluded.last_note,
            note_count = excluded.note_count, languages = excluded.languages,
            search_key = CASE WHEN excluded.display_name = '' THEN clients.search_key ELSE excluded.search_key END,
            updated_at = excluded.updated_at
        """;

    /// <summary>
    /// Notes are appended: one already stored with the same (client, date, text) is skipped by its key's unique
    /// index (migration 7), so a re-upload adds only what is new and never erases a client's earlier notes.
    /// </summary>
    internal const string InsertNoteHead = "INSERT INTO notes (client_id, note_date, language, body, body_key, note_key) VALUES";

    internal const string InsertNoteTail = "ON CONFLICT DO NOTHING";

    private const string NoteColumns = "client_id, note_date, language, body, body_key";

    /// <summary>
    /// Clients per query of <see cref="GetNotes(IEnumerable{string})"/>: far below both engines' parameter limits
    /// (SQLite 32,766, PostgreSQL 65,535), and large enough that the queries, not their number, take the time.
    /// </summary>
    private const int ClientsPerNoteQuery = 500;

    private const string LatestPredictionJoin = """
        FROM clients c
        LEFT JOIN predictions p ON p.id = (
            SELECT q.id FROM predictions q WHERE q.client_id = c.client_id ORDER BY q.scored_at DESC, q.id DESC LIMIT 1)
        """;

    /// <summary>Separates id and name in search_key so a search cannot match across the two.</summary>
    private const char KeySeparator = '\u001f';

    /// <summary>
    /// Clients not in <paramref name="clients"/> are left alone, and every note and concept must belong to one of them.
    /// Notes are appended (de-duplicated, see <see cref="InsertNoteHead"/>); concepts and the client record replace the
    /// stored ones, so callers give them for all the client's notes (the workflows merge the stored notes first).
    /// </summary>
    public void SaveClients(IReadOnlyList<ClientRecord> clients, IReadOnlyList<Note> notes, IReadOnlyList<ConceptRecord> concepts)
    {
        var write = PrepareClients(clients, notes, concepts);
        InTransaction(write);
    }

    public void SaveScored(IReadOnlyList<ClientRecord> clients, IReadOnlyList<Note> notes, IReadOnlyList<ConceptRecord> concepts,
        IReadOnlyList<PredictionRecord> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var write = PrepareClients(clients, notes, concepts);
        InTransaction((c, tx) =>
        {
            write(c, tx);
            WritePredictions(c, tx, predictions);
        });
    }

    /// <summary>Checks the batch now (before any transaction opens) and returns the writes to run inside one.</summary>
    private Action<DbConnection, DbTransaction> PrepareClients(IReadOnlyList<ClientRecord> clients, IReadOnlyList<Note> notes, IReadOnlyList<ConceptRecord> concepts)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(concepts);
        var ids = clients.Select(c => c.ClientId).ToHashSet(StringComparer.Ordinal);
        RequireInBatch(ids, notes.Select(n => n.ClientId), "note");
        RequireInBatch(ids, concepts.Select(c => c.ClientId), "concept");

        var unique = LastOfEachClient(clients);
        var keys = unique.Select(x => x.ClientId).ToList();
        var now = TimestampValue(DateTimeOffset.UtcNow);
        var noteKeys = NoteKeys(notes); // before the transaction (see NoteKeys)
        return (c, tx) =>
        {
            MultiRow.Insert(c, tx, RowsPerStatement, UpsertClientHead, UpsertClientTail, unique, x =>
            [
                x.ClientId, x.DisplayName ?? string.Empty, DateValue(x.FirstNote), DateValue(x.LastNote), x.NoteCount, x.Languages,
                SearchKey(x.ClientId, x.DisplayName), now,
            ]);
            MultiRow.WhereIn(c, tx, RowsPerStatement, "DELETE FROM concepts WHERE client_id IN", keys);
            var i = 0;
            MultiRow.Insert(c, tx, RowsPerStatement, InsertNoteHead, InsertNoteTail, notes, n =>
            {
                var (body, keyId) = SealNote(n.ClientId, n.Text);
                return [n.ClientId, DateValue(n.Date), n.Language, body, keyId, noteKeys[i++]];
            });
            MultiRow.Insert(c, tx, RowsPerStatement, "INSERT INTO concepts (client_id, concept_id, label, category, mentions) VALUES", string.Empty, concepts, x =>
                [x.ClientId, x.ConceptId, x.Label, x.Category, x.Count]);
        };
    }

    /// <summary>
    /// The client's record; a client known only from its purchases (no note yet) is a record with no notes and no display
    /// name, so a client page opened from the worklist or a purchase import does not answer "unknown".
    /// </summary>
    public ClientRecord? GetClient(string clientId) =>
        WithConnection(c => Query(c, $"SELECT {ClientColumns} FROM clients c WHERE c.client_id = @clientId", new { clientId }, ReadClient)
            .SingleOrDefault()
            ?? (c.ExecuteScalar<long>("SELECT COUNT(*) FROM transactions WHERE client_id = @clientId", new { clientId }) > 0
                ? new ClientRecord(clientId, string.Empty, null, null, 0, null)
                : null));

    /// <summary>Notes in date order (undated last), then in the order they were saved.</summary>
    public IReadOnlyList<NoteRecord> GetNotes(string clientId) =>
        WithConnection(c => Query(
            c,
            $"SELECT {NoteColumns} FROM notes WHERE client_id = @clientId ORDER BY note_date NULLS LAST, id",
            new { clientId },
            ReadNote));

    /// <summary>
    /// The notes of many clients, client after client in the order given, each client's as <see cref="GetNotes(string)"/>
    /// orders them; a client given twice comes once. One query per <see cref="ClientsPerNoteQuery"/> clients, on one
    /// connection: a scoring run of 300,000 clients spent 5 s asking client by client.
    /// </summary>
    public IReadOnlyList<NoteRecord> GetNotes(IEnumerable<string> clientIds)
    {
        ArgumentNullException.ThrowIfNull(clientIds);
        var ids = clientIds.Distinct(StringComparer.Ordinal).ToList();
        return WithConnection(c =>
        {
            var notes = new List<NoteRecord>();
            foreach (var chunk in ids.Chunk(ClientsPerNoteQuery))
            {
                // Named as the SQL writes them, not through Dapper (which drops the "@"): SQLite then finds each name
                // at once instead of trying its prefixes, which is quadratic in the number of parameters.
                using var command = c.CreateCommand();
                var names = new string[chunk.Length];
                for (var i = 0; i < chunk.Length; i++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = names[i] = $"@p{i}";
                    parameter.Value = chunk[i];
                    command.Parameters.Add(parameter);
                }

                command.CommandText =
                    $"SELECT {NoteColumns} FROM notes WHERE client_id IN ({string.Join(", ", names)}) ORDER BY note_date NULLS LAST, id";
                var found = new List<NoteRecord>();
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        found.Add(ReadNote(reader));
                    }
                }

                var byClient = found.ToLookup(n => n.ClientId, StringComparer.Ordinal);
                foreach (var id in chunk)
                {
                    notes.AddRange(byClient[id]);
                }
            }

            return notes;
        });
    }

    private NoteRecord ReadNote(DbDataReader r) =>
        new(r.GetString(0), ReadNullableDate(r, 1), ReadNullableString(r, 2), OpenNote(r.GetString(0), r.GetString(3), ReadNullableString(r, 4)));

    /// <summary>Most mentioned first.</summary>
    public IReadOnlyList<ConceptRecord> GetConcepts(string clientId) =>
        WithConnection(c => Query(
            c,
            "SELECT client_id, concept_id, label, category, mentions FROM concepts WHERE client_id = @clientId ORDER BY mentions DESC, concept_id",
            new { clientId },
            r => new ConceptRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4))));

    /// <summary>Segments match case-insensitively; the search ignores case and accents. Clients never scored come last.</summary>
    public (IReadOnlyList<ClientSummary> Items, int Total) QueryClients(ClientQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1, nameof(query.Page));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query.PageSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, MaxPageSize, nameof(query.PageSize));

        var conditions = new List<string>();
        if (!string.IsNullOrWhiteSpace(query.ValueSegment))
        {
            conditions.Add("LOWER(p.value_segment) = @Value");
        }

        if (!string.IsNullOrWhiteSpace(query.RiskSegment))
        {
            conditions.Add("LOWER(p.risk_segment) = @Risk");
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            conditions.Add(@"c.search_key LIKE @Pattern ESCAPE '\'");
        }

        var where = conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions);
        var parameters = new
        {
            Value = query.ValueSegment?.Trim().ToLowerInvariant(),
            Risk = query.RiskSegment?.Trim().ToLowerInvariant(),
            Pattern = query.Search is null ? null : "%" + EscapeLike(Fold(query.Search.Trim())) + "%",
            Take = query.PageSize,
            Skip = (long)(query.Page - 1) * query.PageSize,
        };

        return WithConnection(c =>
        {
            var total = c.ExecuteScalar<int>($"SELECT COUNT(*) {LatestPredictionJoin} {where}", parameters);
            var items = Query(
                c,
                $"""
                SELECT {ClientColumns}, {PredictionColumns} {LatestPredictionJoin} {where}
                ORDER BY p.predicted_clv DESC NULLS LAST, c.client_id LIMIT @Take OFFSET @Skip
                """,
                parameters,
                r => new ClientSummary(ReadClient(r), r.IsDBNull(ClientColumnCount) ? null : ReadPrediction(r, ClientColumnCount)));
            return ((IReadOnlyList<ClientSummary>)items, total);
        });
    }

    private ClientRecord ReadClient(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), ReadNullableDate(r, 2), ReadNullableDate(r, 3), r.GetInt32(4), ReadNullableString(r, 5));

    /// <summary>
    /// A client given twice keeps its last record, as row-by-row upserts would; PostgreSQL refuses one
    /// statement that updates a row twice. A HashSet, not a dictionary, so a null id still reaches the database.
    /// </summary>
    internal static List<ClientRecord> LastOfEachClient(IReadOnlyList<ClientRecord> clients)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = new List<ClientRecord>(clients.Count);
        for (var i = clients.Count - 1; i >= 0; i--)
        {
            if (seen.Add(clients[i].ClientId))
            {
                unique.Add(clients[i]);
            }
        }

        unique.Reverse();
        return unique;
    }

    internal static void RequireInBatch(HashSet<string> ids, IEnumerable<string> owners, string what)
    {
        foreach (var owner in owners)
        {
            if (!ids.Contains(owner))
            {
                throw new ArgumentException(
                    $"A {what} belongs to client '{owner}', which is not among the clients being saved: save the client with its {what}s.");
            }
        }
    }

    // Null-tolerant so that a null id reaches the database and fails there, inside the transaction.
    internal static string SearchKey(string? clientId, string? displayName) =>
        Fold(clientId ?? string.Empty) + KeySeparator + Fold(displayName ?? string.Empty);

    private static string Fold(string text)
    {
        // The separator must never come from user text, or a search could span id and name.
        var folded = TextFolder.Fold(text);
        return folded.Contains(KeySeparator) ? folded.Replace(KeySeparator, ' ') : folded;
    }

    private static string EscapeLike(string text)
    {
        var b = new StringBuilder(text.Length + 4);
        foreach (var ch in text)
        {
            if (ch is '\\' or '%' or '_')
            {
                b.Append('\\');
            }

            b.Append(ch);
        }

        return b.ToString();
    }
}
