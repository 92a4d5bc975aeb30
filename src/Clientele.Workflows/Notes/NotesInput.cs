using Clientele.Core.Ingest;

namespace Clientele.Workflows.Notes;

/// <summary>A notes CSV to read: how to open it (the caller owns files and uploads), its name in messages, and its column options.</summary>
public sealed record NotesInput(Func<TextReader> Open, string Source, NotesCsvOptions? Options = null)
{
    /// <summary>The as-of date: notes dated after it are left out (and counted), so a score never sees its future.</summary>
    public DateOnly? AsOf { get; init; }
}
