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
        Action<IngestReport>? onRead = null) => Run(lexicon, input, progress, seconds, onRead, keepNotes: true);

    /// <summary>
    /// As above; with <paramref name="keepNotes"/> false the notes stream from the file into the profiles (one
    /// "ingest_detect" lap) and none is kept: what stays per client is its compact profile, never the note text. The
    /// ingest report is then checked once the file is read, still before anything is scored or written.
    /// </summary>
    /// <remarks>
    /// <paramref name="keepClient"/> selects the clients to profile (a shard): the others' notes are read but not
    /// detected, and <see cref="ProfilesRead.NewestNote"/> is still the newest date of the whole file, so every shard
    /// scores to the same as-of. <paramref name="matcherOf"/> gives a matcher already built for that lexicon (a loaded
    /// bundle's); without it one is built here.
    /// </remarks>
    public ProfilesRead Run(Func<ConceptLexicon> lexicon, NotesInput input, IProgress<string> progress, IDictionary<string, double> seconds,
        Action<IngestReport>? onRead, bool keepNotes, Func<string, bool>? keepClient = null, Func<ConceptMatcher>? matcherOf = null)
    {
        DateOnly? newest = null;
        var afterAsOf = 0;
        IEnumerable<Note> Selected(IEnumerable<Note> all)
        {
            foreach (var n in all)
            {
                // A note dated after the as-of date is left out (and counted): a score never sees its future.
                if (input.AsOf is { } asOf && n.Date > asOf)
                {
                    afterAsOf++;
                    continue;
                }

                if (n.Date is { } d && (newest is null || d > newest))
                {
                    newest = d;
                }

                if (keepClient is null || keepClient(n.ClientId))
                {
                    yield return n;
                }
            }
        }

        var clock = new StageClock(time, seconds);
        progress.Report("lexicon");
        var loaded = lexicon();
        var matcher = matcherOf is null ? ConceptMatcher.Build(loaded) : matcherOf();
        clock.Lap("lexicon");
        progress.Report("read notes");
        var report = new IngestReport(input.Source);
        if (!keepNotes)
        {
            IReadOnlyList<ClientProfile> streamed;
            using (var reader = input.Open())
            {
                streamed = ProfileBuilder.FromNotes(matcher, Selected(NotesCsv.Read(reader, input.Source, report, input.Options)));
            }

            if (streamed.Count == 0 && newest is null)
            {
                // No usable note: read the file again through ReadAll for its error (header only, or every row rejected).
                using var again = input.Open();
                NotesCsv.ReadAll(again, input.Source, new IngestReport(input.Source), input.Options);
            }

            onRead?.Invoke(report);
            clock.Lap("ingest_detect");
            return new ProfilesRead(loaded, [], report, streamed) { NewestNote = newest, AfterAsOf = afterAsOf };
        }

        List<Note> notes;
        using (var reader = input.Open())
        {
            notes = NotesCsv.ReadAll(reader, input.Source, report, input.Options);
        }

        notes = [.. Selected(notes)];
        onRead?.Invoke(report);

        clock.Lap("ingest");
        progress.Report($"detect concepts in {notes.Count:N0} notes");
        var profiles = ProfileBuilder.FromNotes(matcher, notes);
        clock.Lap("detect");
        return new ProfilesRead(loaded, notes, report, profiles) { NewestNote = newest, AfterAsOf = afterAsOf };
    }
}
