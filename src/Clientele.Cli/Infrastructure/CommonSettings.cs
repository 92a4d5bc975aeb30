using System.ComponentModel;
using Spectre.Console.Cli;

namespace Clientele.Cli.Infrastructure;

/// <summary>Options every verb that reads notes shares (after the store options, declared once in <see cref="RecordingSettings"/>).</summary>
public class NotesSettings : RecordingSettings
{
    [CommandOption("--notes <FILE>")]
    [Description("Notes CSV with an id and a text column (ID, Date, …, Transcription; other header names accepted). (required)")]
    public string? Notes { get; init; }

    [CommandOption("--lexicon <FILE>")]
    [Description("External lexicon CSV (columns concept_id, label, aliases, …). Default: the built-in lexicon.")]
    public string? Lexicon { get; init; }

    [CommandOption("--lexicon-overlay <FILE>")]
    [Description("A maison's own concepts in the lexicon format (e.g. edited from 'clientele suggest-concepts'), loaded on top of the lexicon; recorded in a trained bundle.")]
    public string? LexiconOverlay { get; init; }

    [CommandOption("--id-column <NAME>")]
    [Description("Name of the client id column when it is not one of client_id, id.")]
    public string? IdColumn { get; init; }

    [CommandOption("--text-column <NAME>")]
    [Description("Name of the note text column when it is not one of transcription, note, notes, text.")]
    public string? TextColumn { get; init; }

    [CommandOption("--max-bad-rows <N|N%>")]
    [Description("Rejected rows allowed (a count, or a share such as 0.5%) before reading fails; they are listed on stderr. Default: 0, any rejected row is an error.")]
    public string? MaxBadRows { get; init; }

    [CommandOption("--merge-extra-fields")]
    [Description("Rejoin the fields of a row longer than the header into its note text (an unquoted comma) instead of rejecting the row; each is a warning.")]
    public bool MergeExtraFields { get; init; }

    [CommandOption("--as-of <DATE>")]
    [Description("Date recency is measured to (yyyy-MM-dd); notes dated after it are left out and counted. Default: today (UTC) when scoring, the newest note date when training.")]
    public string? AsOf { get; init; }

    [CommandOption("--pseudonymise")]
    [System.ComponentModel.Description("Replace e-mails, phones, IBANs, card numbers and street addresses in the notes kept in the store by placeholder tokens; names are kept.")]
    public bool Pseudonymise { get; init; }

    [CommandOption("--redact-names")]
    [System.ComponentModel.Description("Replace the client's name in the notes kept in the store by a placeholder token (no display name is kept).")]
    public bool RedactNames { get; init; }

    /// <summary>The notes as the store should keep them (pseudonymised and name-redacted when asked).</summary>
    public List<Core.Ingest.Note> ForStore(List<Core.Ingest.Note> notes) =>
        Pseudonymise || RedactNames ? Workflows.Privacy.Pseudonymised.Notes(notes, Pseudonymise, RedactNames) : notes;

    [CommandOption("--json")]
    [Description("Print one JSON object on stdout instead of tables.")]
    public bool Json { get; init; }

    [CommandOption("-q|--quiet")]
    [Description("No progress on stderr.")]
    public bool Quiet { get; init; }

    public DateOnly? AsOfDate => AsOfOption.Parse(AsOf);

    /// <summary>The parsed <see cref="MaxBadRows"/> (valid after <see cref="Validate"/>): none allowed by default.</summary>
    public Core.Ingest.RowAllowance RowAllowance =>
        Core.Ingest.RowAllowance.TryParse(MaxBadRows, out var allowance) ? allowance : Core.Ingest.RowAllowance.None;

    public Core.Ingest.NotesCsvOptions CsvOptions => new()
    {
        IdColumn = IdColumn,
        TextColumn = TextColumn,
        MaxBadRows = RowAllowance,
        MergeExtraFields = MergeExtraFields,
    };

    /// <summary>False when the verb can run on another input instead (transactions): --notes is optional then.</summary>
    protected virtual bool NotesRequired => true;

    public override Spectre.Console.ValidationResult Validate()
    {
        if (NotesRequired && string.IsNullOrWhiteSpace(Notes))
        {
            return Spectre.Console.ValidationResult.Error("--notes <FILE> is required");
        }

        if (MaxBadRows is not null && !Core.Ingest.RowAllowance.TryParse(MaxBadRows, out _))
        {
            return Spectre.Console.ValidationResult.Error(CliMessages.BadAllowance(MaxBadRows));
        }

        return AsOfOption.Check(AsOf) ?? base.Validate();
    }
}

/// <summary>Options of the verbs that train.</summary>
public class TrainingSettings : ColumnSettings
{
    [CommandOption("--labels <FILE>")]
    [Description("Real outcomes: columns client_id, purchased, churned, lifetime_value (any subset of the last three). Without it: smart labels, which follow a documented rule.")]
    public string? Labels { get; init; }

    [CommandOption("--holdout <FILE>")]
    [Description("Test split to use: columns client_id, target, set (train or test). Default: seeded stratified 80/20.")]
    public string? Holdout { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Random seed (splits, smart labels, learners).")]
    [DefaultValue(Core.Defaults.Seed)]
    public int Seed { get; init; } = Core.Defaults.Seed;

    [CommandOption("--allow-small")]
    [Description("Fit even when a target has fewer than 50 labelled clients or fewer than 10 of its rarer class (metrics are then noise).")]
    public bool AllowSmall { get; init; }

    [CommandOption("--folds <K>")]
    [Description("Also run k-fold cross-validation and report mean ± sd (0 = off).")]
    [DefaultValue(0)]
    public int Folds { get; init; }

    [CommandOption("--class-weights <MODE>")]
    [Description("none, or balanced: weight the rarer class of purchase and churn up to the other's size (probabilities are recalibrated to real rates).")]
    [DefaultValue("none")]
    public string ClassWeights { get; init; } = "none";

    [CommandOption("--value-quantiles <Q1,Q2,Q3>")]
    [Description("Quantiles of predicted CLV on the training population bounding Low / Medium / High / VIP (saved in the bundle).")]
    [DefaultValue("0.5,0.8,0.95")]
    public string ValueQuantiles { get; init; } = "0.5,0.8,0.95";

    [CommandOption("--risk-odds <R1,R2,R3>")]
    [Description("Churn odds relative to the training population's, bounding Safe / Monitor / At Risk / Critical (saved in the bundle).")]
    [DefaultValue("0.75,1.25,2")]
    public string RiskOdds { get; init; } = "0.75,1.25,2";

    [CommandOption("--value-bounds <B1,B2,B3>")]
    [Description("Fixed CLV bounds of Low / Medium / High / VIP instead of --value-quantiles, e.g. 3000,7000,15000.")]
    public string? ValueBounds { get; init; }

    [CommandOption("--risk-bounds <P1,P2,P3>")]
    [Description("Fixed churn probabilities bounding Safe / Monitor / At Risk / Critical instead of --risk-odds, e.g. 0.3,0.6,0.8.")]
    public string? RiskBounds { get; init; }

    /// <summary>The segment options of the settings (valid after <see cref="Validate"/>).</summary>
    public Core.Scoring.SegmentOptions SegmentOptions => new()
    {
        ValueQuantiles = SegmentList.Parse(ValueQuantiles) ?? Core.Defaults.ValueQuantiles,
        RiskOddsRatios = SegmentList.Parse(RiskOdds) ?? Core.Defaults.RiskOddsRatios,
        ValueBounds = ValueBounds is null ? null : SegmentList.Parse(ValueBounds),
        RiskBounds = RiskBounds is null ? null : SegmentList.Parse(RiskBounds),
    };
    [CommandOption("--include-sensitive")]
    [Description("Let special-category concepts and words (health, religion: allergies, medical diets, religious diets) into the model and its reasons; recorded in the bundle. Off by default.")]
    public bool IncludeSensitive { get; init; }

    [CommandOption("--no-text-channel")]
    [Description("Train without the notes' own words (the text channel), on concepts, facts and history only: to measure what the channel adds.")]
    public bool NoTextChannel { get; init; }

    /// <summary>The parsed <see cref="ClassWeights"/> (valid after <see cref="Validate"/>).</summary>
    public Core.Training.ClassWeighting ClassWeighting =>
        Enum.TryParse<Core.Training.ClassWeighting>(ClassWeights, ignoreCase: true, out var w) ? w : Core.Training.ClassWeighting.None;

    public override Spectre.Console.ValidationResult Validate() =>
        Folds is < 0 or 1 or > 20 ? Spectre.Console.ValidationResult.Error("--folds must be 0 or 2..20")
        : ClassWeights.ToLowerInvariant() is not ("none" or "balanced") ? Spectre.Console.ValidationResult.Error($"--class-weights must be none or balanced, not '{ClassWeights}'")
        : SegmentList.Check("--value-quantiles", ValueQuantiles, 0, 1, exclusive: true) is { } q ? Spectre.Console.ValidationResult.Error(q)
        : SegmentList.Check("--risk-odds", RiskOdds, 0, double.PositiveInfinity, exclusive: true) is { } r ? Spectre.Console.ValidationResult.Error(r)
        : ValueBounds is not null && SegmentList.Check("--value-bounds", ValueBounds, 0, double.PositiveInfinity, exclusive: false) is { } vb ? Spectre.Console.ValidationResult.Error(vb)
        : RiskBounds is not null && SegmentList.Check("--risk-bounds", RiskBounds, 0, 1, exclusive: true) is { } rb ? Spectre.Console.ValidationResult.Error(rb)
        : base.Validate();
}
