using System.Buffers;
using System.Text;
using Clientele.Core.Concepts;
using Clientele.Core.Ingest;
using Clientele.Core.Lexicon;

namespace Clientele.Workflows.Notes;

/// <summary>Detects the concepts of every note and writes one concepts-CSV row per match (the <c>detect</c> verb, the bench's input for the reference).</summary>
/// <remarks>
/// A pipeline: the caller's thread reads the notes (a stream: the file is never held whole) into batches; each batch
/// is matched and rendered to UTF-8 on the pool; the caller's thread writes finished batches in file order. A
/// bounded number of batches is in flight, so memory stays flat however large the file. Detection needs only the
/// matcher: building profiles (facts, the text channel's tokens) for output nobody reads took most of the time.
/// </remarks>
public static class DetectConcepts
{
    /// <summary>
    /// Notes per batch: large enough that a batch's task costs far more than its scheduling (about 0.3 MB of text),
    /// small enough that the first and last batches, when only one core works, are a few milliseconds.
    /// </summary>
    private const int Batch = 1024;

    /// <summary>Writes the header and every match of <paramref name="notes"/> to <paramref name="concepts"/>, negated ones included, note by note in file order.</summary>
    public static Detection Run(ConceptLexicon lexicon, IEnumerable<Note> notes, TextWriter concepts) =>
        Run(lexicon, ConceptMatcher.Build(lexicon), notes, concepts);

    /// <summary>As above with a matcher already built for <paramref name="lexicon"/>, as text (standard output, a test's writer).</summary>
    public static Detection Run(ConceptLexicon lexicon, ConceptMatcher matcher, IEnumerable<Note> notes, TextWriter concepts)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        char[] chars = [];
        return Run(lexicon, matcher, notes, bytes =>
        {
            // Batches hold whole rows, so each one decodes on its own.
            var count = Encoding.UTF8.GetMaxCharCount(bytes.Length);
            if (chars.Length < count)
            {
                chars = new char[count];
            }

            concepts.Write(chars, 0, Encoding.UTF8.GetChars(bytes, chars));
        });
    }

    /// <summary>As above, written as UTF-8 (no byte-order mark) to <paramref name="concepts"/>.</summary>
    public static Detection Run(ConceptLexicon lexicon, ConceptMatcher matcher, IEnumerable<Note> notes, Stream concepts)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        return Run(lexicon, matcher, notes, concepts.Write);
    }

    private static Detection Run(ConceptLexicon lexicon, ConceptMatcher matcher, IEnumerable<Note> notes, ReadOnlySpanAction write)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(notes);
        var rows = new ConceptRows(lexicon);
        var inFlight = new Queue<(NoteBatch Batch, Task Task)>();
        var free = new Stack<NoteBatch>();
        var window = 2 * Environment.ProcessorCount;
        var clients = new HashSet<string>(StringComparer.Ordinal);
        long matches = 0, chars = 0, count = 0;
        write(ConceptRows.HeaderLine);

        void WriteOldest()
        {
            var (batch, task) = inFlight.Dequeue();
            task.GetAwaiter().GetResult();
            write(batch.Bytes.WrittenSpan);
            matches += batch.Matches;
            free.Push(batch);
        }

        try
        {
            var current = new NoteBatch();
            foreach (var note in notes)
            {
                current.Notes[current.Count++] = note;
                chars += note.Text.Length;
                clients.Add(note.ClientId);
                count++;
                if (current.Count < Batch)
                {
                    continue;
                }

                var full = current;
                inFlight.Enqueue((full, Task.Run(() => full.Render(matcher, rows))));
                if (inFlight.Count >= window)
                {
                    WriteOldest();
                }

                current = free.Count > 0 ? free.Pop() : new NoteBatch();
            }

            if (current.Count > 0)
            {
                var last = current;
                inFlight.Enqueue((last, Task.Run(() => last.Render(matcher, rows))));
            }

            while (inFlight.Count > 0)
            {
                WriteOldest();
            }
        }
        finally
        {
            // A bad row stops the reading: let the batches in flight finish before the caller discards the output.
            foreach (var (_, task) in inFlight)
            {
                ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
            }
        }

        return new Detection(matches, chars, clients.Count, count);
    }

    private delegate void ReadOnlySpanAction(ReadOnlySpan<byte> bytes);

    /// <summary>One batch of notes and, once rendered, their rows; reused when written.</summary>
    private sealed class NoteBatch
    {
        private readonly List<ConceptMatch> _found = [];
        private readonly List<ConceptMatch> _scratch = [];

        public Note[] Notes { get; } = new Note[Batch];

        public int Count { get; set; }

        public ArrayBufferWriter<byte> Bytes { get; } = new(1 << 16);

        public long Matches { get; private set; }

        public void Render(ConceptMatcher matcher, ConceptRows rows)
        {
            Bytes.ResetWrittenCount();
            Matches = 0;
            for (var i = 0; i < Count; i++)
            {
                var note = Notes[i];
                _found.Clear();
                matcher.Match(note.Text, _found, _scratch);
                if (_found.Count > 0)
                {
                    var client = ConceptRows.ClientCell(note.ClientId);
                    foreach (var m in _found)
                    {
                        rows.Append(Bytes, client, m);
                    }
                }

                Matches += _found.Count;
            }

            // The notes' text is not held once rendered.
            Array.Clear(Notes, 0, Count);
            Count = 0;
        }
    }
}
