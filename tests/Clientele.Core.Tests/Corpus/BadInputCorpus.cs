using System.Text;

namespace Clientele.Core.Tests.Corpus;

/// <summary>What a malformed input must produce: a located error, or processing with rows reported.</summary>
public abstract record Outcome
{
    /// <summary>A clear error whose message contains <paramref name="Fragment"/>.</summary>
    public sealed record Failure(string Fragment) : Outcome;

    /// <summary>Processed: exactly <paramref name="Accepted"/> rows kept and <paramref name="Rejected"/> reported.</summary>
    public sealed record Processed(int Accepted, int Rejected, int Warnings = 0) : Outcome;
}

/// <summary>One hostile or malformed input written for this project, with its documented result.</summary>
public sealed record BadInput(string Name, string Kind, byte[] Bytes, Outcome Expected)
{
    public override string ToString() => Name;
}

/// <summary>
/// The bad-input corpus (issue 6): notes files, labels files and lexicons that are empty, mis-encoded, wrongly
/// delimited, huge or hostile. Generated in code so the repository carries no binary fixtures.
/// </summary>
public static class BadInputCorpus
{
    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    private const string H = "ID,Date,Duration,Language,Length,Transcription\n";

    public static IEnumerable<BadInput> Notes()
    {
        yield return new("empty file", "notes", [], new Outcome.Failure("empty"));
        yield return new("only a BOM", "notes", [0xEF, 0xBB, 0xBF], new Outcome.Failure("empty"));
        yield return new("header only", "notes", U(H), new Outcome.Failure("no data rows"));
        yield return new("blank lines only after header", "notes", U(H + "\n\n\n"), new Outcome.Failure("no data rows"));
        yield return new("no id column", "notes", U("Date,Transcription\n2026-01-01,hello\n"), new Outcome.Failure("no client id column"));
        yield return new("no text column", "notes", U("ID,Date\nA,2026-01-01\n"), new Outcome.Failure("no note text column"));
        yield return new("semicolon delimiter", "notes", U("ID;Transcription\nA;hello, world\n"), new Outcome.Processed(1, 0));
        yield return new("tab delimiter", "notes", U("ID\tTranscription\nA\thello\n"), new Outcome.Processed(1, 0));
        yield return new("pipe-joined header", "notes", U("ID|Transcription\nA|hello\n"), new Outcome.Processed(1, 0));
        yield return new("UTF-16 LE with BOM", "notes", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("ID,Transcription\nA,héllo\n")], new Outcome.Processed(1, 0));
        yield return new("UTF-16 LE without BOM", "notes", Encoding.Unicode.GetBytes("ID,Transcription\nA,hello\n"), new Outcome.Failure("NUL"));
        yield return new("Latin-1 bytes", "notes", [.. U("ID,Transcription\nA,caf"), 0xE9, (byte)'\n'], new Outcome.Failure("UTF-8"));
        yield return new("invalid UTF-8 sequence", "notes", [.. U("ID,Transcription\nA,x"), 0xC3, 0x28, (byte)'\n'], new Outcome.Failure("UTF-8"));
        yield return new("truncated UTF-8 at end", "notes", [.. U("ID,Transcription\nA,x"), 0xE6, 0x97], new Outcome.Failure("UTF-8"));
        yield return new("unbalanced quote at end", "notes", U(H + "A,2026-01-01,1,EN,s,\"never closed\n"), new Outcome.Failure("line 2 is never closed"));
        yield return new("unbalanced quote swallows rows", "notes", U(H + "A,2026-01-01,1,EN,s,\"open\nB,2026-01-02,1,EN,s,two\nC,2026-01-03,1,EN,s,three\n"), new Outcome.Failure("line 2 is never closed"));
        yield return new("valid multi-line note with row-like lines", "notes", U(H + "A,2026-01-01,1,EN,s,\"open\nB,2026-01-02,1,EN,s,two\"\nC,2026-01-03,1,EN,s,three\n"), new Outcome.Processed(2, 0));
        yield return new("extra unquoted fields", "notes", U("ID,Transcription\nA1,Wants a handbag in black, budget 5K\n"), new Outcome.Failure("3 fields but the header has 2"));
        yield return new("rejected rows without an allowance", "notes", U("ID,Transcription\n,one\nB,two\n"), new Outcome.Failure("1 of 2 rows rejected"));
        yield return new("invalid UTF-8 named by line and column", "notes", [.. U("ID,Transcription\nA,x"), 0xC3, 0x28, (byte)'\n'], new Outcome.Failure("line 2, column 4"));
        yield return new("10 MB single field", "notes", U("ID,Transcription\nA,\"" + new string('x', 10_000_000) + "\"\nB,ok\n"), new Outcome.Processed(1, 1));
        yield return new("1 million columns on one line", "notes", U("ID,Transcription\nA,ok" + string.Concat(Enumerable.Repeat(",x", 1_000_000)) + "\nB,ok\n"), new Outcome.Processed(1, 1));
        yield return new("1 million columns in the header", "notes", U("ID,Transcription" + string.Concat(Enumerable.Repeat(",x", 1_000_000)) + "\nA,ok\n"), new Outcome.Failure("columns"));
        yield return new("duplicate ids are several notes", "notes", U("ID,Transcription\nA,one\nA,two\n"), new Outcome.Processed(2, 0));
        yield return new("blank ids", "notes", U("ID,Transcription\n,one\n  ,two\nC,three\n"), new Outcome.Processed(1, 2));
        yield return new("blank texts", "notes", U("ID,Transcription\nA,\nB,\"\"\nC,three\n"), new Outcome.Processed(1, 2));
        yield return new("NUL byte in a note", "notes", U("ID,Transcription\nA,bad\0x\nB,ok\n"), new Outcome.Processed(1, 1));
        yield return new("NUL bytes in header", "notes", U("I\0D,Tran\0scription\nA,x\n"), new Outcome.Failure("NUL"));
        yield return new("formula injection cells are data", "notes", U("ID,Transcription\n=HYPERLINK(\"http://x\"),=1+1\n@SUM(A1),+cmd\n"), new Outcome.Processed(2, 0));
        yield return new("short row", "notes", U("ID,Date,Transcription\nA,2026-01-01\nB,2026-01-01,ok\n"), new Outcome.Processed(1, 1));
        yield return new("bad dates are warnings", "notes", U("ID,Date,Transcription\nA,31/02/2026,ok\nB,yesterday,ok\n"), new Outcome.Processed(2, 0));
        yield return new("CR-only line ends", "notes", U("ID,Transcription\rA,one\rB,two\r"), new Outcome.Processed(2, 0));
        yield return new("binary garbage", "notes", Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 256)).ToArray(), new Outcome.Failure(string.Empty));
        yield return new("not CSV at all (JSON)", "notes", U("{\"id\": 1, \"text\": \"hello\"}\n"), new Outcome.Failure("no client id column"));
    }

    public static IEnumerable<BadInput> Labels()
    {
        yield return new("labels yes/no", "labels", U("client_id,purchased,churned\nA,yes,no\nB,Y,N\n"), new Outcome.Processed(2, 0));
        yield return new("labels 1.0 / 0.0", "labels", U("client_id,purchased\nA,1.0\nB,0.0\n"), new Outcome.Processed(2, 0));
        yield return new("labels negative CLV", "labels", U("client_id,lifetime_value\nA,-5\nB,10\n"), new Outcome.Processed(1, 1));
        yield return new("labels NaN and Infinity", "labels", U("client_id,lifetime_value\nA,NaN\nB,Infinity\nC,1e3\n"), new Outcome.Processed(1, 2));
        yield return new("labels 2 is not binary", "labels", U("client_id,purchased\nA,2\nB,1\n"), new Outcome.Processed(1, 1));
        yield return new("labels duplicate client", "labels", U("client_id,purchased\nA,1\nA,0\n"), new Outcome.Processed(1, 1));
        yield return new("labels unknown column", "labels", U("client_id,score\nA,1\n"), new Outcome.Failure("unknown label column [score]"));
        yield return new("labels header typo", "labels", U("client_id,purchsed\nA,1\n"), new Outcome.Failure("unknown label column [purchsed]"));
        yield return new("labels no target column", "labels", U("client_id\nA\n"), new Outcome.Failure("none of the target columns"));
        yield return new("labels target columns all blank", "labels", U("client_id,purchased\nA,\nB,\n"), new Outcome.Failure("no usable target"));
        yield return new("labels empty", "labels", [], new Outcome.Failure("empty"));
        yield return new("labels missing values are fine", "labels", U("client_id,purchased,lifetime_value\nA,,100\nB,1,\n"), new Outcome.Processed(2, 0));
    }

    public static IEnumerable<BadInput> Lexicons()
    {
        yield return new("lexicon empty and 1-char aliases", "lexicon", U("concept_id,label,aliases\nA,a,x|\nB,b,ok|y\n"), new Outcome.Processed(1, 1));
        yield return new("lexicon duplicate concept ids", "lexicon", U("concept_id,label,aliases\nA,a,one\nA,a,two\n"), new Outcome.Processed(1, 1));
        yield return new("lexicon without aliases column", "lexicon", U("concept_id,label\nA,a\n"), new Outcome.Failure("aliases"));
        yield return new("lexicon nothing usable", "lexicon", U("concept_id,label,aliases\nA,a,\n"), new Outcome.Failure("no usable concept"));
        yield return new("lexicon 100k aliases", "lexicon", U("concept_id,label,aliases\n" + string.Concat(Enumerable.Range(0, 1000).Select(c => $"C{c},c{c}," + string.Join('|', Enumerable.Range(0, 100).Select(a => $"alias{c}x{a}")) + "\n"))), new Outcome.Processed(1000, 0));
        yield return new("lexicon single Han character alias kept", "lexicon", U("concept_id,label,aliases\nA,bag,包\n"), new Outcome.Processed(1, 0));
    }

    public static IEnumerable<object[]> All() =>
        Notes().Concat(Labels()).Concat(Lexicons()).Select(x => new object[] { x });
}
