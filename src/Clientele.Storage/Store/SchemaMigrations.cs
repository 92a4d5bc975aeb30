namespace Clientele.Storage.Store;

/// <summary>
/// The schema as numbered steps. A step, once released, never changes: a later change is a new step, so a
/// database at any version reaches the latest by applying what it lacks, in order, in one transaction.
/// </summary>
internal static class SchemaMigrations
{
    internal sealed record Step(int Version, string Description, IReadOnlyList<string> Statements);

    public static string VersionTable(ColumnTypes t) =>
        $"CREATE TABLE IF NOT EXISTS schema_version (version {t.Integer} PRIMARY KEY, description {t.Text} NOT NULL, applied_at {t.Timestamp} NOT NULL)";

    public static IReadOnlyList<Step> Steps(ColumnTypes t) =>
    [
        new(1, "clients, notes, concepts, predictions, model versions, runs",
        [
            // NOT NULL on every key: SQLite, unlike PostgreSQL, lets a text primary key be NULL.
            // search_key holds the folded id and name (see SqlStore.SearchKey): SQLite's LOWER() folds ASCII only.
            $"""
            CREATE TABLE clients (
                client_id {t.Key} NOT NULL PRIMARY KEY,
                display_name {t.Text} NOT NULL,
                first_note {t.Date},
                last_note {t.Date},
                note_count {t.Integer} NOT NULL,
                languages {t.Text},
                search_key {t.Text} NOT NULL,
                updated_at {t.Timestamp} NOT NULL)
            """,
            $"""
            CREATE TABLE notes (
                id {t.Identity},
                client_id {t.Key} NOT NULL REFERENCES clients (client_id) ON DELETE CASCADE,
                note_date {t.Date},
                language {t.Text},
                body {t.Text} NOT NULL)
            """,
            "CREATE INDEX ix_notes_client ON notes (client_id)",
            $"""
            CREATE TABLE concepts (
                client_id {t.Key} NOT NULL REFERENCES clients (client_id) ON DELETE CASCADE,
                concept_id {t.Key} NOT NULL,
                label {t.Text} NOT NULL,
                category {t.Text} NOT NULL,
                mentions {t.Integer} NOT NULL,
                PRIMARY KEY (client_id, concept_id))
            """,
            // NULL scores are targets the model was not trained on (NaN in ClientScore).
            $"""
            CREATE TABLE predictions (
                id {t.Identity},
                client_id {t.Key} NOT NULL REFERENCES clients (client_id) ON DELETE CASCADE,
                model_version {t.Key} NOT NULL,
                scored_at {t.Timestamp} NOT NULL,
                purchase_prob {t.Real},
                will_purchase {t.Boolean} NOT NULL,
                churn_risk {t.Real},
                will_churn {t.Boolean} NOT NULL,
                predicted_clv {t.Real},
                value_segment {t.Text} NOT NULL,
                risk_segment {t.Text} NOT NULL,
                reasons {t.Text} NOT NULL)
            """,
            // Serves "latest per client": one index seek per client, newest first.
            "CREATE INDEX ix_predictions_latest ON predictions (client_id, scored_at DESC, id DESC)",
            $"""
            CREATE TABLE model_versions (
                version {t.Key} NOT NULL PRIMARY KEY,
                tier {t.Text} NOT NULL,
                bundle_path {t.Text} NOT NULL,
                created_at {t.Timestamp} NOT NULL,
                metrics_json {t.Text} NOT NULL,
                active {t.Boolean} NOT NULL DEFAULT FALSE)
            """,
            // The database itself refuses a second active version, whatever a buggy caller does.
            "CREATE UNIQUE INDEX ux_model_versions_active ON model_versions (active) WHERE active",
            $"""
            CREATE TABLE runs (
                run_id {t.Key} NOT NULL PRIMARY KEY,
                kind {t.Text} NOT NULL,
                status {t.Text} NOT NULL,
                started_at {t.Timestamp} NOT NULL,
                finished_at {t.Timestamp},
                clients {t.Integer} NOT NULL,
                model_version {t.Key},
                message {t.Text})
            """,
            "CREATE INDEX ix_runs_started ON runs (started_at DESC)",
        ]),
        new(2, "api keys (hashed), audit trail, store secrets",
        [
            // Only a keyed hash of each key is kept (see Keys.ApiKeys): a copy of the database gives no usable key.
            $"""
            CREATE TABLE api_keys (
                key_id {t.Key} NOT NULL PRIMARY KEY,
                role {t.Text} NOT NULL,
                advisor {t.Text},
                key_hash {t.Text} NOT NULL,
                created_at {t.Timestamp} NOT NULL,
                revoked_at {t.Timestamp})
            """,
            // Who, what, when, from where; subject is an id (client, version, key), never note text.
            $"""
            CREATE TABLE audit (
                id {t.Identity},
                at {t.Timestamp} NOT NULL,
                key_id {t.Key},
                action {t.Text} NOT NULL,
                subject {t.Text},
                remote {t.Text},
                outcome {t.Text} NOT NULL)
            """,
            "CREATE INDEX ix_audit_at ON audit (at DESC, id DESC)",
            // Random values made once per store (the key-hash pepper); never sent by any route.
            $"""
            CREATE TABLE store_secrets (
                name {t.Key} NOT NULL PRIMARY KEY,
                secret {t.Text} NOT NULL)
            """,
        ]),
        new(3, "predictions keyed on (client, version, as-of) for scoring runs",
        [
            // Rows written before this step have no as-of and stay plain history; a scoring run's rows carry one, and
            // the run upserts on this key, so re-running a scoring (a shard retried after a kill) replaces its rows.
            $"ALTER TABLE predictions ADD COLUMN as_of {t.Date}",
            "CREATE UNIQUE INDEX ux_predictions_scoring ON predictions (client_id, model_version, as_of) WHERE as_of IS NOT NULL",
        ]),
        new(4, "privacy: training membership (hashed ids), erasures, consent, note encryption key ids",
        [
            // Which clients (keyed hash only) each version was trained on, so an erasure can flag the bundles to retrain.
            $"""
            CREATE TABLE training_members (
                version {t.Key} NOT NULL,
                client_hash {t.Key} NOT NULL,
                PRIMARY KEY (version, client_hash))
            """,
            "CREATE INDEX ix_training_members_hash ON training_members (client_hash)",
            // Erased clients, by keyed hash only: nothing here names them.
            $"""
            CREATE TABLE erasures (
                client_hash {t.Key} NOT NULL PRIMARY KEY,
                erased_at {t.Timestamp} NOT NULL)
            """,
            // No foreign key: an objection may arrive before the client's notes do, and must hold when they come.
            $"""
            CREATE TABLE consent (
                client_id {t.Key} NOT NULL PRIMARY KEY,
                state {t.Text} NOT NULL,
                updated_at {t.Timestamp} NOT NULL)
            """,
            // The data key a note body is encrypted under (AES-GCM, see Privacy.DataKeyRing); NULL: plain text.
            $"ALTER TABLE notes ADD COLUMN body_key {t.Key}",
        ]),
        new(5, "contacts, client advisors, worklist assignments",
        [
            // Logged by advisors through POST /api/contacts; a contact keeps its client off the worklist for a while.
            $"""
            CREATE TABLE contacts (
                id {t.Identity},
                client_id {t.Key} NOT NULL,
                contacted_on {t.Date} NOT NULL,
                channel {t.Text} NOT NULL,
                outcome {t.Text} NOT NULL,
                advisor {t.Text},
                key_id {t.Key},
                recorded_at {t.Timestamp} NOT NULL)
            """,
            "CREATE INDEX ix_contacts_client ON contacts (client_id, contacted_on DESC)",
            // Which advisor looks after a client (an advisor key reads only its own clients' worklist).
            $"""
            CREATE TABLE client_advisors (
                client_id {t.Key} NOT NULL PRIMARY KEY,
                advisor {t.Text} NOT NULL)
            """,
            // Both groups of every worklist drawn up, so the report can compare what followed.
            $"""
            CREATE TABLE worklist_assignments (
                as_of {t.Date} NOT NULL,
                client_id {t.Key} NOT NULL,
                grp {t.Text} NOT NULL,
                rule_id {t.Text} NOT NULL,
                action {t.Text} NOT NULL,
                due {t.Date} NOT NULL,
                PRIMARY KEY (as_of, client_id))
            """,
        ]),
        new(6, "transactions (purchase history), amounts sealed under the data key",
        [
            // No foreign key to clients: a client may have purchases and no notes. The amount is text so it can be
            // sealed (AES-GCM) under the data key as note text is; amount_key names the key, NULL: plain text.
            $"""
            CREATE TABLE transactions (
                id {t.Identity},
                client_id {t.Key} NOT NULL,
                order_id {t.Key},
                tx_date {t.Date} NOT NULL,
                amount {t.Text} NOT NULL,
                currency {t.Text},
                amount_key {t.Key})
            """,
            "CREATE INDEX ix_transactions_client ON transactions (client_id, tx_date)",
            // An order id is the till's and names one purchase: the database refuses a second row for it.
            "CREATE UNIQUE INDEX ux_transactions_order ON transactions (order_id) WHERE order_id IS NOT NULL",
        ]),
        new(7, "notes appended and de-duplicated by a keyed hash of (client, date, text)",
        [
            // Rows stored before this step have no key and are never matched: a re-upload of them is stored once more.
            $"ALTER TABLE notes ADD COLUMN note_key {t.Text}",
            "CREATE UNIQUE INDEX ux_notes_key ON notes (client_id, note_key)",
        ]),
        new(8, "shared job queue for server replicas on one PostgreSQL",
        [
            // Jobs any replica may take (claimed with FOR UPDATE SKIP LOCKED). The payload (a training's uploaded notes
            // and labels, sealed under the data key when one is configured) is cleared when a replica claims the job,
            // so note text sits here only while the job waits.
            $"""
            CREATE TABLE jobs (
                job_id {t.Key} NOT NULL PRIMARY KEY,
                kind {t.Text} NOT NULL,
                status {t.Text} NOT NULL,
                payload {t.Text},
                payload_key {t.Key},
                queued_at {t.Timestamp} NOT NULL,
                claimed_by {t.Text},
                started_at {t.Timestamp},
                finished_at {t.Timestamp},
                progress {t.Text} NOT NULL,
                model_version {t.Key},
                clients {t.Integer} NOT NULL,
                message {t.Text},
                metrics_json {t.Text})
            """,
            "CREATE INDEX ix_jobs_waiting ON jobs (status, queued_at)",
        ]),
        new(9, "notes found by client through the note key's index alone",
        [
            // ux_notes_key (client_id, note_key) leads with the client: it serves every "notes of a client" lookup
            // and the cascade from clients, so this index only cost a second index write per stored note.
            "DROP INDEX ix_notes_client",
        ]),
    ];
}