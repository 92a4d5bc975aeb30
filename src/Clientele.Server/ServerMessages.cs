using System.Reflection;

namespace Clientele.Server;

/// <summary>Every error text the server sends, in one place, so the wording stays consistent and reviewable.</summary>
public static class ServerMessages
{
    public const string NoKeyConfigured =
        "no API key exists yet; set the environment variable CLIENTELE_API_KEY (24 characters or more) and restart, or create one with 'clientele keys create --role admin --db …'";

    public const string MissingKey = "this route needs a credential: an API key in the X-Api-Key header, or the dashboard's session cookie (POST /api/session)";
    public const string WrongKey = "the API key is not valid (unknown, revoked or mistyped)";
    public const string AntiforgeryMissing = "a write with the session cookie must send the token of GET /api/session in the X-CSRF-Token header";
    public const string NoActiveModel = "no model is active; train one (POST /api/train) or activate a version (POST /api/models/{version}/activate)";
    /// <summary>An <c>as_of</c> query value that is not a date.</summary>
    public static string BadAsOf(string value) => $"as_of '{value}' is not a date (yyyy-MM-dd)";

    public const string NoUpload = "no notes were sent; send a CSV file as multipart field 'file' or as a text/csv body";
    public const string NoStoredNotes = "the store holds no notes to train on; send a notes file, or score with ?store=true first";
    public const string BadVersionName = Workflows.WorkflowMessages.BadVersionName;
    /// <summary>The message of a run the server found queued or running at start: its process died mid-way.</summary>
    public const string RunInterrupted = "interrupted: the server stopped before this run finished";

    /// <summary>A retention pass with no bound configured (only orphan bundle folders are removed).</summary>
    public const string NoRetentionConfigured = "no retention configured (Clientele:Retention), notes, predictions and versions are kept";

    public const string QueueFull = "too many jobs are waiting; try again when the current ones have finished";
    public const string RateLimited = "too many requests; wait a minute and try again";

    /// <summary>An upload refused because every parsing slot and queue place is taken (Clientele:MaxConcurrentUploads, UploadQueue).</summary>
    public const string UploadsBusy = "the server is parsing as many uploads as it allows; send this one again in a few seconds (Retry-After)";
    public const string Internal = "the server failed to handle this request; the error was logged";
    public const string BadTier = "tier must be 'fast' or 'elite'";

    public const string BadClassWeights = "class_weights must be 'none' or 'balanced'";
    public const string BadMergeExtraFields = "merge_extra_fields must be true or false";

    /// <summary>The include_sensitive field of a training request is not a boolean.</summary>
    public const string BadIncludeSensitive = "include_sensitive must be true or false";

    public static string BadMaxBadRows(string value) => $"max_bad_rows '{value}' is not a count (25) or a share of the rows (0.5%)";

    public const string BadPage = "page must be 1 or more and page_size between 1 and 500";

    public static string TooLarge(long max) => $"the request is larger than the limit of {max / (1024 * 1024):N0} MB (Clientele:MaxUploadBytes)";

    public static string UnknownVersion(string version) => $"no model version '{version}'; GET /api/models lists them";

    public static string UnknownJob(string id) => $"no job '{id}'";

    /// <summary>A training claimed from the shared queue whose inputs are gone (the row was written by another version).</summary>
    public static string JobPayloadMissing(string id) => $"job '{id}' has no training inputs in the shared queue; queue the training again";

    public static string UnknownClient(string id) => $"no client '{id}'";

    public static string UnknownRunKind(string kind) => $"no run kind '{kind}'; expected 'nightly-score' or 'weekly-retrain'";

    public static string BadCron(string name, string detail) => $"schedule {name}: {detail}";

    /// <summary>A job's failure in plain words: the innermost error's message, without exception type names.</summary>
    public static string JobFailed(Exception error)
    {
        var inner = error;
        while (inner is AggregateException { InnerExceptions.Count: 1 } or TargetInvocationException && inner.InnerException is not null)
        {
            inner = inner.InnerException!;
        }

        return inner switch
        {
            OverflowException => "the job failed: a number grew beyond what can be computed (arithmetic overflow); the server log has the details",
            OutOfMemoryException => "the job failed: the server ran out of memory; the server log has the details",
            _ => "the job failed: " + inner.Message.TrimEnd('.') + "; the server log has the details",
        };
    }

    public static string LockedOut(int minutes) =>
        $"too many failed sign-ins from this address; credentials from it are refused for {minutes} minutes (other addresses are not affected)";

    public static string Forbidden(string? role) => $"the role of this key ({role ?? "none"}) does not allow this route";

    public static string UnknownKey(string id) => $"no active key '{id}'";

    public static string VersionLoadFailed(string version, string detail) => $"model version '{version}' could not be loaded: {detail}";

    public static string BadConsent(string? state) =>
        $"consent state '{state}' is not one of {string.Join(", ", Storage.Store.ConsentStates.All)}; send {{\"state\": \"objected\"}}";

    public static string BadMultipart(string detail) => $"the multipart form could not be read: {detail}";

    public static string FieldTooLarge(int max) => $"a form field is larger than {max / 1024:N0} KB; send files as file parts (filename=...)";

    public const string MalformedMultipart = "expected multipart/form-data with a boundary parameter and well-formed parts";

    public const string UnterminatedMultipart = "the body ended before the closing boundary";
    public const string BadWorklistDays = "days must be a whole number from 0 to 366";

    public static string BadDate(string field, string value) => $"{field} '{value}' is not a date (yyyy-MM-dd)";

    public static string BadLanguage(string value) => $"no worklist phrases in '{value}'; expected en or fr";

    public const string OtherAdvisor = "an advisor key reads and logs only its own clients";

    public const string ContactClientMissing = "client_id is required";

    public static string BadChannel(string value) => $"channel '{value}' is not one of phone, email, message, letter, in_store";

    public const string BadOutcome = "outcome is required: a short word or phrase such as reached, no_answer, appointment, purchase (at most 40 characters, never note text)";

    public const string ContactInFuture = "date is after today: a contact is logged once it happened";

    /// <summary>POST /api/transactions without a file.</summary>
    public const string NoTransactionsUpload = "no transactions were sent; send a CSV (client_id,date,amount[,order_id,currency…]) as multipart field 'transactions' or as a text/csv body";

    /// <summary>A decimal field that is neither '.' nor ','.</summary>
    public static string BadDecimal(string value) => $"decimal '{value}' is not a decimal mark; expected '.' (default) or ','";
}
