using System.Text;

namespace Clientele.Cli.Tests.Mistakes;

/// <summary>
/// The CLI's corpus of user mistakes (issue 14): options and verbs, notes files, labels, outputs and the store.
/// None may exit 0 with data silently dropped or changed; each names what is wrong.
/// </summary>
public static class MistakesCorpus
{
    private const string Good = "ID,Date,Transcription\nA1,2026-01-02,\"Wants a handbag in black\"\nA2,2026-01-03,\"Loves silk scarves\"\nA3,2026-01-04,\"Budget 5K for a watch\"\n";

    public static IEnumerable<MistakeCase> Cases()
    {
        // Options and verbs: nothing unknown is ignored.
        yield return Case("a mistyped --labels", ["train", "--notes", "{notes}", "--label", "{labels}", "--out", "{dir}/m"], "did you mean '--labels'") with { NotWritten = ["m"] };
        yield return Case("a mistyped --no-store", ["predict", "--notes", "{notes}", "--model", "{dir}/m", "--out", "{dir}/s.csv", "--no-stor"], "did you mean '--no-store'") with { NotWritten = ["s.csv"] };
        yield return Case("a mistyped --tier", ["train", "--notes", "{notes}", "--tierr", "fast", "--out", "{dir}/m"], "did you mean '--tier'") with { NotWritten = ["m"] };
        yield return Case("a mistyped verb", ["trian", "--notes", "{notes}"], "did you mean 'train'");
        yield return Case("no verb at all", [], "no command given");
        yield return Case("an unknown option before the verb", ["--verbose"], "unknown option '--verbose'");
        yield return Case("a stray argument", ["detect", "--notes", "{notes}", "--out", "{dir}/c.csv", "extra"], "unexpected argument 'extra'") with { NotWritten = ["c.csv"] };
        yield return Case("a mistyped demo option", ["demo", "--clientz", "5", "--no-serve"], "did you mean '--clients'");
        yield return Case("a mistyped bench option", ["bench", "--quik"], "did you mean '--quick'");
        yield return Case("a mistyped serve option", ["serve", "--modle", "x"], "did you mean '--model'");
        yield return Case("a mistyped evaluate option", ["evaluate", "--notes", "{notes}", "--modl", "{dir}/m"], "did you mean '--model'");
        yield return Case("a mistyped compare option", ["compare", "--notes", "{notes}", "--fold", "3"], "did you mean '--folds'");
        yield return Case("detect without --out", ["detect", "--notes", "{notes}"], "--out <FILE> is required");
        yield return Case("detect without --notes", ["detect", "--out", "{dir}/c.csv"], "--notes <FILE> is required");
        yield return Case("evaluate without --model", ["evaluate", "--notes", "{notes}"], "--model <DIR> is required");
        yield return Case("an unknown tier", ["train", "--notes", "{notes}", "--tier", "turbo", "--out", "{dir}/m"], "turbo") with { NotWritten = ["m"] };
        yield return Case("an unknown class-weights mode", ["compare", "--notes", "{notes}", "--class-weights", "heavy"], "heavy");
        yield return Case("one fold", ["compare", "--notes", "{notes}", "--folds", "1"], "--folds must be 0 or 2..20");
        yield return Case("a seed that is not a number", ["compare", "--notes", "{notes}", "--seed", "abc"], "abc");
        yield return Case("an impossible --as-of", ["detect", "--notes", "{notes}", "--out", "{dir}/c.csv", "--as-of", "2026-13-01"], "is not a date") with { NotWritten = ["c.csv"] };
        yield return Case("a --max-bad-rows that is no number", ["detect", "--notes", "{notes}", "--out", "{dir}/c.csv", "--max-bad-rows", "lots"], "--max-bad-rows 'lots'");
        yield return Case("a --max-bad-rows over 100%", ["detect", "--notes", "{notes}", "--out", "{dir}/c.csv", "--max-bad-rows", "150%"], "--max-bad-rows '150%'");
        yield return Case("a shard out of range", ["predict", "--notes", "{notes}", "--model", "{dir}/m", "--out", "{dir}/s.csv", "--shard", "3/3"], "--shard");

        // Outputs and the store.
        yield return Case("--db that is no connection string", ["detect", "--notes", "{notes}", "--out", "{dir}/c.csv", "--db", "nonsense"], "--db is not a connection string") with { NotWritten = ["c.csv"] };
        yield return Case("--out in a folder that cannot exist", ["detect", "--notes", "{notes}", "--out", "/proc/nope/x.csv"], "cannot write here");
        yield return Case("--out that is a directory", ["detect", "--notes", "{notes}", "--out", "{dir}"], "it is a directory");
        yield return Case("predict --out in a folder that cannot exist", ["predict", "--notes", "{notes}", "--model", "{dir}/m", "--out", "/proc/nope/s.csv"], "cannot write here");

        // Notes files.
        yield return Case("a notes file that does not exist", ["detect", "--notes", "{dir}/missing.csv", "--out", "{dir}/c.csv"], "missing.csv: file not found") with { NotWritten = ["c.csv"] };
        yield return Notes("a notes path that is a folder", null, "is a directory") with { Args = ["detect", "--notes", "{dir}", "--out", "{dir}/c.csv"] };
        yield return Notes("an empty notes file", string.Empty, "the file is empty");
        yield return Notes("a header without rows", "ID,Date,Transcription\n", "no data rows");
        yield return Notes("no note text column", "client_id,date\nA,2026-01-01\n", "no note text column");
        yield return Notes("no client id column", "who,Transcription\nA,hello there\n", "no client id column");
        yield return Notes("a note cut at an unquoted comma", "ID,Transcription\nA1,Wants a handbag in black, budget 5K\n", "the header has 2");
        yield return Notes("a quote that is never closed", "ID,Transcription\nA1,\"Wants a handbag\nA2,\"Loves scarves\"\nA3,\"Budget 5K\"\n", "quote opened on line 2");
        yield return Notes("text after a closing quote", "ID,Transcription\nA1,\"Wants a handbag\" in black\nA2,fine note\n", "text follows the closing quote");
        yield return Notes("a blank client id", Good + ",2026-01-05,\"no id here\"\n", "blank client id");
        yield return Notes("a blank note", Good + "A4,2026-01-05,\"   \"\n", "blank note text");
        yield return Notes("two rejected rows over an allowance of one", Good + ",2026-01-05,\"x\"\n,2026-01-06,\"y\"\n", "more than allowed (--max-bad-rows 1)", "--max-bad-rows", "1");
        yield return Notes("Latin-1 bytes", Encoding.Latin1.GetBytes("ID,Transcription\nA,\"Rendez-vous très réussi\"\n"), "invalid UTF-8 at line 2");
        yield return Notes("NUL bytes", "ID,Transcription\nA,\"a\0b\"\n", "NUL");
        yield return Notes("a column named twice", "ID,ID,Transcription\nA,A,hello\n", "more than once");
        yield return Notes("a named id column that is not there", Good, "no client id column", "--id-column", "customer");
        yield return Notes("a named text column that is not there", Good, "no note text column", "--text-column", "comment");

        // Labels.
        yield return Labels("a mistyped label column", "client_id,purchsed\nSYN_0000001,1\n", "unknown label column [purchsed]");
        yield return Labels("a labels file with no target", "client_id,note\nSYN_0000001,x\n", "unknown label column");
        yield return Labels("labels for none of the clients", "client_id,purchased\nNOBODY,1\n", "no client");
        yield return Labels("a label that is not binary", "client_id,purchased\nSYN_0000001,maybe\n", "not a binary label");
        yield return Labels("a client labelled twice", "client_id,purchased\nSYN_0000001,1\nSYN_0000001,0\n", "more than one label row");
        yield return Case("a labels file that does not exist", ["train", "--notes", "{notes}", "--labels", "{dir}/nolabels.csv", "--out", "{dir}/m"], "nolabels.csv: file not found") with { NotWritten = ["m"] };
        yield return Case("too few labelled clients", ["train", "--notes", "{notes}", "--labels", "{dir}/few.csv", "--out", "{dir}/m", "--no-store"], "too few labelled clients")
            with { LabelSubsets = new() { ["few.csv"] = 20 }, NotWritten = ["m"] };
        yield return Case("a holdout file that does not exist", ["train", "--notes", "{notes}", "--holdout", "{dir}/nosplit.csv", "--out", "{dir}/m"], "nosplit.csv: file not found") with { NotWritten = ["m"] };
        yield return Case("a lexicon that does not exist", ["detect", "--notes", "{notes}", "--lexicon", "{dir}/nolex.csv", "--out", "{dir}/c.csv"], "nolex.csv: file not found") with { NotWritten = ["c.csv"] };
        yield return Case("a model that does not exist", ["evaluate", "--notes", "{notes}", "--model", "{dir}/nomodel"], "nomodel");
    }

    private static MistakeCase Case(string name, string[] args, string fragment) => new(name, args, 2, fragment);

    private static MistakeCase Notes(string name, object? content, string fragment, params string[] extra) =>
        new(name, ["detect", "--notes", "{dir}/notes.csv", "--out", "{dir}/c.csv", .. extra], 2, fragment)
        {
            Files = content is null ? [] : new() { ["notes.csv"] = content },
            NotWritten = ["c.csv"],
        };

    private static MistakeCase Labels(string name, string content, string fragment) =>
        new(name, ["train", "--notes", "{notes}", "--labels", "{dir}/labels.csv", "--out", "{dir}/m", "--no-store"], 2, fragment)
        {
            Files = new() { ["labels.csv"] = content },
            NotWritten = ["m"],
        };
}
