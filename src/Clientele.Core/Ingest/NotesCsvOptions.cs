namespace Clientele.Core.Ingest;

/// <summary>How to read a notes CSV: column names when they are not the usual ones, and how strict to be.</summary>
public sealed record NotesCsvOptions
{
    /// <summary>Accepted names for the client id column, tried in order, case-insensitively.</summary>
    public static readonly string[] IdNames = ["client_id", "id", "clientid", "client"];

    /// <summary>Accepted names for the note text column.</summary>
    public static readonly string[] TextNames = ["transcription", "note", "notes", "text"];

    /// <summary>Accepted names for the meeting date column (optional).</summary>
    public static readonly string[] DateNames = ["date", "meeting_date", "note_date"];

    /// <summary>Accepted names for the language column (optional).</summary>
    public static readonly string[] LanguageNames = ["language", "lang"];

    /// <summary>Accepted names for the consent column (optional; values in Privacy/Resources/consent_values.tsv).</summary>
    public static readonly string[] ConsentNames = ["consent"];

    /// <summary>The client id column's name, when it is none of <see cref="IdNames"/>.</summary>
    public string? IdColumn { get; init; }

    /// <summary>The note text column's name, when it is none of <see cref="TextNames"/>.</summary>
    public string? TextColumn { get; init; }

    /// <summary>
    /// Rejected rows allowed before reading fails (default <see cref="RowAllowance.None"/>: any rejected row is
    /// an error). Checked once the last row is read, so a streaming caller gets the error before it publishes
    /// any output; allowed rejections stay listed in the <see cref="IngestReport"/>.
    /// </summary>
    public RowAllowance MaxBadRows { get; init; } = RowAllowance.None;

    /// <summary>
    /// When a row has more fields than the header (an unquoted comma in the note), rejoin the extra fields into
    /// the note text with their separators instead of rejecting the row; each such row is reported as a warning.
    /// </summary>
    public bool MergeExtraFields { get; init; }

    /// <summary>The usual columns, strict.</summary>
    public static NotesCsvOptions Default { get; } = new();
}
