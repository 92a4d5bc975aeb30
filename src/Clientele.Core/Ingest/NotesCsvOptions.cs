namespace Clientele.Core.Ingest;

/// <summary>How to read a notes CSV: column names when they are not the usual ones.</summary>
public sealed record NotesCsvOptions
{
    /// <summary>Accepted names for the client id column, tried in order, case-insensitively.</summary>
    public static readonly string[] IdNames = ["client_id", "id", "clientid", "client"];

    /// <summary>Accepted names for the note text column.</summary>
    public static readonly string[] TextNames = ["transcription", "note", "notes", "text"];

    public static readonly string[] DateNames = ["date", "meeting_date", "note_date"];

    public static readonly string[] LanguageNames = ["language", "lang"];

    public string? IdColumn { get; init; }

    public string? TextColumn { get; init; }

    public static NotesCsvOptions Default { get; } = new();
}
