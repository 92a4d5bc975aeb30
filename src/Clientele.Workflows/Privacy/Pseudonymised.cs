using Clientele.Core.Ingest;
using Clientele.Core.Privacy;

namespace Clientele.Workflows.Privacy;

/// <summary>Notes as they are stored when pseudonymisation is on: the same notes with identifiers replaced by tokens.</summary>
public static class Pseudonymised
{
    /// <summary>Each note with <see cref="Pseudonymiser.Builtin"/> applied to its text (the same record when nothing changed).</summary>
    public static List<Note> Notes(IReadOnlyList<Note> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var pseudonymiser = Pseudonymiser.Builtin;
        return notes.Select(n => pseudonymiser.Apply(n.Text) is var text && string.Equals(text, n.Text, StringComparison.Ordinal) ? n : n with { Text = text }).ToList();
    }
}
