namespace Clientele.Core.Ingest;

/// <summary>One advisor note about one client, as read from the notes CSV.</summary>
/// <param name="ClientId">The client the note is about; several notes may share it.</param>
/// <param name="Date">The meeting date, when the file has one.</param>
/// <param name="Language">The language code the file gives (informative; detection does not depend on it).</param>
/// <param name="Text">The note itself.</param>
/// <param name="Line">1-based line of the row in its file, for error messages.</param>
public sealed record Note(string ClientId, DateOnly? Date, string? Language, string Text, long Line)
{
    /// <summary>
    /// Names of the file's columns beyond id, date, language and text (one array shared by every note of a file);
    /// null when the file has none.
    /// </summary>
    public IReadOnlyList<string>? ColumnNames { get; init; }

    /// <summary>This row's values of <see cref="ColumnNames"/>, trimmed (empty when blank or absent); null when the file has none.</summary>
    public IReadOnlyList<string>? ColumnValues { get; init; }

    /// <summary>
    /// The consent state this row records (<see cref="Privacy.ConsentValues"/>) from the file's <c>consent</c> column;
    /// null when the file has none or the cell is blank. Never a feature.
    /// </summary>
    public string? Consent { get; init; }
}
