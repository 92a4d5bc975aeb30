namespace Clientele.Server;

/// <summary>Every error text the server sends, in one place, so the wording stays consistent and reviewable.</summary>
public static class ServerMessages
{
    public const string NoKeyConfigured =
        "writes are disabled because no API key is configured; set the environment variable CLIENTELE_API_KEY (or Clientele:ApiKey in appsettings.json) and restart";

    public const string MissingKey = "this request changes data and needs the API key in the X-Api-Key header";
    public const string WrongKey = "the API key in X-Api-Key is not valid";
    public const string NoActiveModel = "no model is active; train one (POST /api/train) or activate a version (POST /api/models/{version}/activate)";
    public const string NoUpload = "no notes were sent; send a CSV file as multipart field 'file' or as a text/csv body";
    public const string NoStoredNotes = "the store holds no notes to train on; send a notes file, or score with ?store=true first";
    public const string BadVersionName = Workflows.WorkflowMessages.BadVersionName;
    public const string QueueFull = "too many jobs are waiting; try again when the current ones have finished";
    public const string RateLimited = "too many write requests; wait a minute and try again";
    public const string Internal = "the server failed to handle this request; the error was logged";
    public const string BadTier = "tier must be 'fast' or 'elite'";

    public const string BadClassWeights = "class_weights must be 'none' or 'balanced'";
    public const string BadMergeExtraFields = "merge_extra_fields must be true or false";

    public static string BadMaxBadRows(string value) => $"max_bad_rows '{value}' is not a count (25) or a share of the rows (0.5%)";

    public const string BadPage = "page must be 1 or more and page_size between 1 and 500";

    public static string TooLarge(long max) => $"the request is larger than the limit of {max / (1024 * 1024):N0} MB (Clientele:MaxUploadBytes)";

    public static string UnknownVersion(string version) => $"no model version '{version}'; GET /api/models lists them";

    public static string UnknownJob(string id) => $"no job '{id}'";

    public static string UnknownClient(string id) => $"no client '{id}'";

    public static string UnknownRunKind(string kind) => $"no run kind '{kind}'; expected 'nightly-score' or 'weekly-retrain'";

    public static string BadCron(string name, string detail) => $"schedule {name}: {detail}";

    public static string JobFailed(string type, string detail) => $"the job failed ({type}): {detail}";

    public static string VersionLoadFailed(string version, string detail) => $"model version '{version}' could not be loaded: {detail}";
}
