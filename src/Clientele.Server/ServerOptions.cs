using Clientele.Storage.Store;

namespace Clientele.Server;

/// <summary>
/// Settings of the server, bound from the <c>Clientele</c> configuration section (appsettings, environment
/// <c>Clientele__ApiKey</c>…), the short environment names <c>CLIENTELE_DB</c> and <c>CLIENTELE_API_KEY</c>,
/// and finally the host's own <c>configure</c> callback.
/// </summary>
public sealed class ServerOptions
{
    /// <summary>Configuration section the options are bound from.</summary>
    public const string Section = "Clientele";

    /// <summary>Listening addresses; loopback only unless the operator says otherwise.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>A bundle directory to register and activate at start (optional).</summary>
    public string? ModelDirectory { get; set; }

    /// <summary>Where trained versions are written, one sub-directory per version; default <c>models/</c> beside the database.</summary>
    public string? ModelsRoot { get; set; }

    /// <summary>Store connection: a PostgreSQL connection string, a SQLite path or <c>Data Source=…</c>; default <c>clientele.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The SQLite file used when no connection string is given.</summary>
    public string SqlitePath { get; set; } = "clientele.db";

    /// <summary>The bootstrap admin key (24 characters or more), recorded hashed as key <c>env</c>; optional once keys exist.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Largest accepted request body (uploads), in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Host names clients use to reach the server, beyond the bound address and localhost (host filtering).</summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Requests allowed per key (before sign-in: per address) per minute, on every route but /health.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Failed credentials from one address before it is locked out.</summary>
    public int SignInFailureLimit { get; set; } = 10;

    /// <summary>How long a locked-out address stays locked, and the window its failures are counted in.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Lifetime of a dashboard session cookie (sliding), in hours.</summary>
    public int SessionHours { get; set; } = 8;

    /// <summary>Writes allowed per client address per minute (fixed window).</summary>
    public int WritesPerMinute { get; set; } = 60;

    /// <summary>
    /// Uploads parsed at once (POST /api/predict, POST /api/train). Parsing and scoring a 49 MB upload is CPU-bound and
    /// takes about 700 MB: measured with 8 parallel 49 MB uploads on 2 cores (docs/BENCHMARKS.md, "Upload limits"), one
    /// slot peaked at 837 MiB with /health at 46 ms median, two at 1,605 MiB (over the 1.5 GiB target) and 127 ms,
    /// with no gain in throughput. Raise it on a machine with more cores and memory.
    /// </summary>
    public int MaxConcurrentUploads { get; set; } = 1;

    /// <summary>
    /// Uploads that may wait for a parsing slot (their bodies unread, so they hold a connection, not memory); beyond
    /// them an upload answers 503 with Retry-After at once rather than queueing without bound.
    /// </summary>
    public int UploadQueue { get; set; } = 2;

    /// <summary>Training jobs that may wait in the queue before new ones are refused.</summary>
    public int MaxQueuedJobs { get; set; } = 8;

    /// <summary>Cron schedules (5 fields, server local time); an empty string disables one.</summary>
    public ScheduleOptions Schedules { get; set; } = new();

    /// <summary>
    /// How long notes, prediction history and old model versions are kept (Clientele:Retention:NotesDays,
    /// PredictionsDays, VersionsKeep or VersionsDays); unset keeps them. Enforced by the retention schedule.
    /// </summary>
    public Workflows.Retention.RetentionPolicy Retention { get; set; } = new();

    /// <summary>
    /// Replace e-mails, phones, IBANs, card numbers and street addresses in note text by tokens before it is stored
    /// (Clientele:Pseudonymise). On by default: the store is the copy that lives longest.
    /// </summary>
    public bool Pseudonymise { get; set; } = true;

    /// <summary>Also replace the client's name in stored notes by [name], keeping no display name (Clientele:RedactNames).</summary>
    public bool RedactNames { get; set; }

    /// <summary>
    /// File of the data keys note text is encrypted under (base64 of 32 bytes a line, newest last); when unset,
    /// CLIENTELE_DATA_KEY; when neither is set, notes are stored as plain text.
    /// </summary>
    public string? DataKeyFile { get; set; }

    /// <summary>Opens the store; for hosts and tests that bring their own. Default: <see cref="ConnectionString"/>.</summary>
    public Func<IClienteleStore>? StoreFactory { get; set; }

    /// <summary>The directory trained versions go to, resolved.</summary>
    public string ResolveModelsRoot()
    {
        if (!string.IsNullOrWhiteSpace(ModelsRoot))
        {
            return Path.GetFullPath(ModelsRoot);
        }

        var db = DatabasePath();
        var dir = db is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(db)) ?? Directory.GetCurrentDirectory();
        return Path.Combine(dir, "models");
    }

    /// <summary>The SQLite file behind the connection string, or null for PostgreSQL.</summary>
    private string? DatabasePath()
    {
        var cs = ConnectionString;
        if (string.IsNullOrWhiteSpace(cs))
        {
            return "clientele.db";
        }

        if (cs.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        const string prefix = "Data Source=";
        var i = cs.IndexOf(prefix, StringComparison.OrdinalIgnoreCase);
        return i >= 0 ? cs[(i + prefix.Length)..].Split(';')[0].Trim() : cs;
    }
}
