using Clientele.Core.Ingest;

namespace Clientele.Storage.Store;

/// <summary>
/// Everything Clientele persists, behind one interface with two implementations (SQLite by default,
/// PostgreSQL when given a connection string) that pass the same test suite. Every batch write is one
/// transaction: a failure leaves the store as it was.
/// </summary>
public interface IClienteleStore : IDisposable
{
    /// <summary>Creates or migrates the schema (versioned; idempotent).</summary>
    void Migrate();

    /// <summary>Current schema version.</summary>
    int SchemaVersion();

    /// <summary>
    /// Upserts clients and replaces their notes and concepts with the given ones, in one transaction. Every note and
    /// concept must belong to one of the given clients (ArgumentException otherwise); other clients are left alone.
    /// </summary>
    void SaveClients(IReadOnlyList<ClientRecord> clients, IReadOnlyList<Note> notes, IReadOnlyList<ConceptRecord> concepts);

    /// <summary>Appends predictions (history kept), in one transaction per call. Their clients must already be saved.</summary>
    void SavePredictions(IReadOnlyList<PredictionRecord> predictions);

    /// <summary>
    /// <see cref="SaveClients"/> and <see cref="SavePredictions"/> in one transaction: a process killed half-way leaves
    /// neither the clients without their predictions nor predictions of clients that were not saved.
    /// </summary>
    void SaveScored(IReadOnlyList<ClientRecord> clients, IReadOnlyList<Note> notes, IReadOnlyList<ConceptRecord> concepts,
        IReadOnlyList<PredictionRecord> predictions);

    /// <summary>
    /// Starts a scoring run whose writes are staged and published in one step (see <see cref="IScoringWriter"/>);
    /// its predictions are keyed on (client, version, <paramref name="asOf"/>).
    /// </summary>
    IScoringWriter BeginScoring(DateOnly asOf);

    ClientRecord? GetClient(string clientId);

    IReadOnlyList<NoteRecord> GetNotes(string clientId);

    /// <summary>The notes of many clients at once: client after client in the order given, each client's in its own order.</summary>
    IReadOnlyList<NoteRecord> GetNotes(IEnumerable<string> clientIds);

    IReadOnlyList<ConceptRecord> GetConcepts(string clientId);

    /// <summary>Every prediction of a client, newest first.</summary>
    IReadOnlyList<PredictionRecord> GetPredictionHistory(string clientId);

    /// <summary>Clients with their latest prediction, filtered (segment on the latest prediction, search on id and name), paged; and the total count.</summary>
    (IReadOnlyList<ClientSummary> Items, int Total) QueryClients(ClientQuery query);

    /// <summary>Latest prediction of every client (for KPIs and distributions).</summary>
    IReadOnlyList<PredictionRecord> LatestPredictions();

    void SaveModelVersion(ModelVersionRecord version);

    IReadOnlyList<ModelVersionRecord> ListModelVersions();

    /// <summary>Marks one version active and every other inactive, atomically; false when unknown.</summary>
    bool ActivateModelVersion(string version);

    ModelVersionRecord? ActiveModelVersion();

    void SaveRun(RunRecord run);

    /// <summary>
    /// Registers a trained version and the run that made it in one transaction, activating the version when
    /// <paramref name="activate"/> is set or when no version is active yet: a process killed half-way leaves
    /// either all of it or none of it.
    /// </summary>
    void SaveTrainedVersion(ModelVersionRecord version, RunRecord run, bool activate);

    IReadOnlyList<RunRecord> ListRuns(int limit = 50);

    /// <summary>Inserts or replaces an API key record (hash only).</summary>
    void SaveApiKey(ApiKeyRecord key);

    /// <summary>The key with this id, revoked or not; null when unknown.</summary>
    ApiKeyRecord? FindApiKey(string keyId);

    /// <summary>Every key, oldest first, revoked ones included.</summary>
    IReadOnlyList<ApiKeyRecord> ListApiKeys();

    /// <summary>Marks a key revoked; false when unknown or already revoked.</summary>
    bool RevokeApiKey(string keyId, DateTimeOffset at);

    /// <summary>The named per-store secret, made with <paramref name="create"/> the first time (atomically).</summary>
    string Secret(string name, Func<string> create);

    /// <summary>Appends one audit entry.</summary>
    void AppendAudit(AuditRecord entry);

    /// <summary>The latest audit entries, newest first.</summary>
    IReadOnlyList<AuditRecord> ListAudit(int limit = 100);

    /// <summary>The keyed hash (HMAC under a random per-store key) that stands for an erased client in the audit.</summary>
    string ClientHash(string clientId);

    /// <summary>
    /// Erases a client in one transaction: notes, concepts, transactions, predictions (history), consent and the client row with its
    /// display name; audit entries about it keep only <see cref="ClientHash"/>. Bundles trained with it are then counted
    /// by <see cref="ErasedMembersByVersion"/>. The deleted text is scrubbed from the database files where the engine allows.
    /// </summary>
    ErasureRecord ForgetClient(string clientId, DateTimeOffset at);

    /// <summary>
    /// Registers a trained version (with its run when given, activating as <see cref="SaveTrainedVersion(ModelVersionRecord, RunRecord, bool)"/>
    /// does) and the hashed ids of the clients it was trained on, in one transaction.
    /// </summary>
    void SaveTrainedVersion(ModelVersionRecord version, RunRecord? run, bool activate, IReadOnlyCollection<string> members);

    /// <summary>For each version trained with clients erased since, how many of them; versions without any are absent.</summary>
    IReadOnlyDictionary<string, int> ErasedMembersByVersion();

    /// <summary>
    /// Records a client's consent state (<see cref="ConsentStates"/>); the client need not be stored yet. An objection or
    /// withdrawal also deletes the client's predictions (profiling stops, past results included); its notes stay.
    /// </summary>
    void SetConsent(string clientId, string state, DateTimeOffset at);

    /// <summary>The client's consent record; null when none was recorded.</summary>
    ConsentRecord? GetConsent(string clientId);

    /// <summary>Ids of the clients whose consent state suppresses scoring (objected or withdrawn).</summary>
    IReadOnlySet<string> SuppressedClients();

    /// <summary>Every audit entry about <paramref name="subject"/> (a client id), newest first.</summary>
    IReadOnlyList<AuditRecord> ListAuditAbout(string subject);

    /// <summary>
    /// Re-encrypts every note and transaction amount not under the current data key (plain ones included) with it,
    /// in one transaction; returns how many rows were rewritten. InvalidOperationException when no key is configured or one is missing.
    /// </summary>
    int RotateDataKey();
    /// <summary>Appends a logged contact.</summary>
    void SaveContact(ContactRecord contact);

    /// <summary>One client's contacts, newest first.</summary>
    IReadOnlyList<ContactRecord> GetContacts(string clientId);

    /// <summary>Every client's latest contact on or before <paramref name="asOf"/>.</summary>
    IReadOnlyDictionary<string, DateOnly> LastContacts(DateOnly asOf);

    /// <summary>Sets the advisor of each client given (replacing an earlier one).</summary>
    void SaveAdvisors(IReadOnlyDictionary<string, string> advisors);

    /// <summary>Every client's advisor.</summary>
    IReadOnlyDictionary<string, string> Advisors();

    /// <summary>Records worklist assignments (a client's assignment for an as-of date is replaced).</summary>
    void SaveAssignments(IReadOnlyList<AssignmentRecord> assignments);

    /// <summary>Every recorded assignment, oldest as-of first.</summary>
    IReadOnlyList<AssignmentRecord> ListAssignments();

    /// <summary>
    /// Appends transactions in one transaction, idempotently: a row whose order id is already stored with the same
    /// content, or (without an order id) whose client, date, amount and currency the store already holds as many
    /// times, is a duplicate and not written. Amounts are sealed under the data key when one is configured.
    /// <see cref="TransactionConflictException"/> (nothing written) when an order id is stored with other content.
    /// </summary>
    TransactionAppend AppendTransactions(IReadOnlyList<Core.History.Transaction> transactions);

    /// <summary>One client's transactions, oldest first.</summary>
    IReadOnlyList<Core.History.Transaction> GetTransactions(string clientId);

    /// <summary>Every stored transaction, in the order they were appended.</summary>
    IReadOnlyList<Core.History.Transaction> AllTransactions();

    /// <summary>How many transactions the store holds.</summary>
    int TransactionCount();

    /// <summary>
    /// Deletes notes, prediction history and model versions older than <paramref name="cutoffs"/> in one transaction
    /// (rolled back when <paramref name="dryRun"/>); never the active version nor a client's latest prediction.
    /// </summary>
    RetentionRecord ApplyRetention(RetentionCutoffs cutoffs, bool dryRun);

    /// <summary>Marks runs left queued or running by a process that died (a server killed mid-job) as failed; returns how many.</summary>
    int FailUnfinishedRuns(DateTimeOffset at, string message);
}
