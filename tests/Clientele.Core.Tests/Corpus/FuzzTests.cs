using Clientele.Core.Concepts;
using Clientele.Core.Errors;
using Clientele.Core.Ingest;
using Clientele.Core.Labels;
using Clientele.Core.Lexicon;
using FsCheck;
using FsCheck.Fluent;

namespace Clientele.Core.Tests.Corpus;

/// <summary>
/// Fuzzing of the readers and the matcher with FsCheck at volume, fixed seeds so CI is repeatable: whatever
/// the bytes, a reader returns rows (every row accounted for) or throws a located ClienteleInputException —
/// never another exception, never a hang.
/// </summary>
public class FuzzTests
{
    private static readonly string[] Pieces =
    [
        ",", ",", "\"", "\"\"", "\n", "\r\n", "\r", ";", "\t", "|", "ID", "Transcription", "client_id", "purchased", "1", "0", "yes", "NaN", "-5",
        "concept_id", "aliases", "a", "bag", "é", "日本", "\0", "\uFEFF", "\uD800", " ", "=HYPERLINK(", "x,y", "Budget 3-5K", "45 ans",
    ];

    private static Arbitrary<byte[]> Inputs()
    {
        var structured = Gen.ArrayOf(Gen.Elements(Pieces)).Select(p => System.Text.Encoding.UTF8.GetBytes(string.Concat(p)));
        var header = structured.Select(b => System.Text.Encoding.UTF8.GetBytes("ID,Transcription\n").Concat(b).ToArray());
        var raw = Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i));
        return Gen.Frequency((3, structured), (5, header), (2, raw)).ToArbitrary();
    }

    private static bool Survives(byte[] bytes, Action<TextReader> read)
    {
        try
        {
            using var reader = CsvInput.OpenText(new MemoryStream(bytes));
            read(reader);
            return true;
        }
        catch (ClienteleInputException e)
        {
            return e.Message.Length < 2000;
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 3000, Replay = "20261124,1")]
    public Property Notes_reader_never_fails_unexpectedly_and_accounts_for_every_row() =>
        Prop.ForAll(Inputs(), bytes => Survives(bytes, reader =>
        {
            var report = new IngestReport("fuzz");
            var notes = NotesCsv.ReadAll(reader, "fuzz", report);
            if (notes.Count != report.Accepted || report.Accepted + report.Rejected > report.RowsRead)
            {
                throw new InvalidOperationException("rows not accounted for");
            }
        }));

    [FsCheck.Xunit.Property(MaxTest = 2000, Replay = "20261124,3")]
    public Property Labels_reader_never_fails_unexpectedly(byte[] suffix) =>
        Survives(System.Text.Encoding.UTF8.GetBytes("client_id,purchased,churned,lifetime_value\n").Concat(suffix).ToArray(),
            reader => LabelsCsv.Read(reader, "fuzz", new IngestReport("fuzz"))).ToProperty();

    [FsCheck.Xunit.Property(MaxTest = 2000, Replay = "20261124,5")]
    public Property Lexicon_loader_and_matcher_never_fail_unexpectedly() =>
        Prop.ForAll(Inputs(), bytes => Survives(
            System.Text.Encoding.UTF8.GetBytes("concept_id,label,aliases\n").Concat(bytes).ToArray(),
            reader =>
            {
                var lexicon = LexiconCsv.Load(reader, "fuzz");
                ConceptMatcher.Build(lexicon).Match(System.Text.Encoding.UTF8.GetString(bytes));
            }));

    [FsCheck.Xunit.Property(MaxTest = 3000, Replay = "20261124,7")]
    public Property Fact_extractor_never_throws(string text) =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements(Pieces)).Select(string.Concat).ToArbitrary(), t =>
        {
            _ = FactExtractor.Extract(t + (text ?? string.Empty));
            return true;
        });
}
