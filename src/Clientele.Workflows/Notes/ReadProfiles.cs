using Clientele.Core.Concepts;
using Clientele.Core.Ingest;
using Clientele.Core.Lexicon;
using Clientele.Core.Profiles;

namespace Clientele.Workflows.Notes;

/// <summary>
/// Read notes → profiles: loads the lexicon, reads the notes CSV, detects concepts and builds one profile per
/// client, timing each stage ("lexicon", "ingest", "detect") into the caller's seconds table.
/// </summary>
public sealed class ReadProfiles(TimeProvider time)
{
    /// <summary>Runs the stages in order; <paramref name="onRead"/> sees the ingest report before detection starts.</summary>
    public ProfilesRead Run(Func<ConceptLexicon> lexicon, NotesInput input, IProgress<string> progress, IDictionary<string, double> seconds,
        Action<IngestReport>? onRead = null)
    {
        var clock = new StageClock(time, seconds);
        progress.Report("lexicon");
        var loaded = lexicon();
        var matcher = ConceptMatcher.Build(loaded);
        clock.Lap("lexicon");
        progress.Report("read notes");
        var report = new IngestReport(input.Source);
        List<Note> notes;
        using (var reader = input.Open())
        {
            notes = NotesCsv.ReadAll(reader, input.Source, report, input.Options);
        }

        onRead?.Invoke(report);
        var afterAsOf = 0;
        if (input.AsOf is { } asOf)
        {
            afterAsOf = notes.RemoveAll(n => n.Date > asOf);
        }

        clock.Lap("ingest");
        progress.Report($"detect concepts in {notes.Count:N0} notes");
        var profiles = ProfileBuilder.FromNotes(matcher, notes);
        clock.Lap("detect");
        return new ProfilesRead(loaded, notes, report, profiles) { AfterAsOf = afterAsOf };
    }
}
