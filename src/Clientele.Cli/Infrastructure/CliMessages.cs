namespace Clientele.Cli.Infrastructure;

/// <summary>Every user-facing text of the command line itself (usage, output paths, store), in one place.</summary>
public static class CliMessages
{
    /// <summary>Said after the help when <c>clientele</c> runs with no verb.</summary>
    public const string NoVerb = "no command given; choose one of the commands above (clientele <COMMAND> --help for its options)";

    /// <summary>An option the verb does not have, and the nearest one it has.</summary>
    public static string UnknownOption(string option, string? verb, string? closest) =>
        $"unknown option '{option}'{(verb is null ? string.Empty : $" for '{verb}'")}" +
        (closest is null ? string.Empty : $"; did you mean '{closest}'?") +
        $" (clientele {(verb is null ? string.Empty : verb + " ")}--help lists the options)";

    /// <summary>A verb that does not exist, and the nearest one.</summary>
    public static string UnknownVerb(string verb, string? closest) =>
        $"unknown command '{verb}'" + (closest is null ? string.Empty : $"; did you mean '{closest}'?") + " (clientele --help lists the commands)";

    /// <summary>What follows a bad transaction row's own reason when the run stops on it: how many there are, and the way past.</summary>
    public static string BadTransactionRows(long rejected) =>
        rejected > 1 ? $" ({rejected:N0} bad rows in all; --skip-bad-rows leaves them out)" : " (--skip-bad-rows leaves it out)";

    /// <summary>A <c>--db</c> value that is no connection string.</summary>
    public const string BadConnection =
        "--db is not a connection string; expected SQLite 'Data Source=FILE' or PostgreSQL 'Host=…;Database=…'";

    /// <summary>An output path that cannot be written.</summary>
    public static string CannotWrite(string reason) => $"cannot write here: {reason}";

    /// <summary>A segment option (--value-quantiles, --risk-odds, --value-bounds, --risk-bounds) that is not three ascending numbers in range.</summary>
    public static string BadSegmentList(string option, string value, double low, double high) =>
        $"{option} '{value}' is not three ascending numbers between {low.ToString(System.Globalization.CultureInfo.InvariantCulture)} and {(double.IsPositiveInfinity(high) ? "any" : high.ToString(System.Globalization.CultureInfo.InvariantCulture))}, separated by commas";

    /// <summary>A <c>--max-bad-rows</c> value that is neither a count nor a percentage.</summary>
    public static string BadAllowance(string value) => $"--max-bad-rows '{value}' is not a count (25) or a share of the rows (0.5%)";

    /// <summary>Rows rejected but allowed by <c>--max-bad-rows</c>: said on stderr so they are never silent.</summary>
    public static string AllowedRejections(long rejected, string allowance) =>
        $"{rejected:N0} rejected row{(rejected == 1 ? string.Empty : "s")} left out, as allowed by --max-bad-rows {allowance}";

    /// <summary>Some evaluated clients were in the bundle's training data, so its metrics on them flatter.</summary>
    public static string EvaluationOverlap(int inTraining, int evaluated) =>
        $"warning: {inTraining} of {evaluated} evaluated clients were in this model's training data, so the metrics flatter it; 'unseen' (metrics_unseen in --json) measures only the other {evaluated - inTraining}";

    /// <summary>A bundle saved before training members were recorded cannot tell seen clients from new ones.</summary>
    public const string EvaluationOverlapUnknown = "warning: this bundle does not record which clients it was trained on; if the notes include them, the metrics flatter it";

    /// <summary>Marks metrics measured against smart labels (CLI text and JSON <c>note</c>).</summary>
    public const string SmartLabelNote =
        "smart labels: these metrics measure how well the model reproduces the documented labelling rule (DESIGN §4), not real outcomes; pass --labels for real performance";

    /// <summary>An overlay given to predict that the model was not trained with.</summary>
    public static string OverlayNotInBundle(int missing, string first) =>
        $"the model was not trained with this overlay: {missing} of its concepts (first: '{first}') are not in the model's lexicon; train with --lexicon-overlay, or leave it out (predict uses the model's own lexicon)";

    /// <summary>A verb that scores with a bundle given options that only training reads.</summary>
    public static string ModelDecidesColumns(string verb) =>
        $"{verb} reads the model's column schema and lexicon; --ignore-column, --column-type, --force-column and --lexicon-overlay apply to train";
    /// <summary>A data subject's verb without <c>--client</c>.</summary>
    public const string ClientRequired = "--client <ID> is required: the id of the client, exactly as stored";

    /// <summary>A data subject's verb with no store to look in.</summary>
    public const string NoStoreHere = "no store given and no clientele.db here; give the store with --db 'Data Source=FILE' or $CLIENTELE_DB";

    /// <summary>An id the store does not hold.</summary>
    public static string UnknownClient(string id) => $"the store holds no client '{id}'";

    /// <summary>Consent verb with zero or several of its state options.</summary>
    /// <summary>The retention verb was given no bound and no models directory: it would do nothing.</summary>
    public const string RetentionNothingToDo = "give at least one of --notes-days, --predictions-days, --versions-keep, --versions-days or --models-dir";

    /// <summary>--models-dir names no directory.</summary>
    public const string NoModelsDir = "the models directory does not exist";

    public const string OneConsentState = "give exactly one of --object, --withdraw or --grant";

    /// <summary>Training past <c>TrainingOptions.MaxClients</c> fitted and measured a seeded sample.</summary>
    public static string TrainedOnSample(int sampled, int clients) =>
        $"trained and measured on a seeded sample of {sampled:N0} of the {clients:N0} clients (the most one training fits on; see docs/SCALING.md)";

    /// <summary>Clients left out of scoring because they objected to profiling or withdrew consent: never silent.</summary>
    public static string SuppressedClients(int count) =>
        $"{count:N0} client{(count == 1 ? string.Empty : "s")} not scored: objected to profiling or withdrew consent (clientele consent)";
}
