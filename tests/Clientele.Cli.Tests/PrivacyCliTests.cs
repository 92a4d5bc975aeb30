using System.Text.Json.Nodes;
using Clientele.Cli.Commands;
using Clientele.Storage.Store;

namespace Clientele.Cli.Tests;

/// <summary>Issue 15, items 5, 6, 9 and 11 from the command line: forget, export, consent, and no store unless asked.</summary>
public sealed class PrivacyCliTests(CliFixture data) : IClassFixture<CliFixture>
{
    private const string Marker = "QZV-PRIVACY-MARKER-9931";

    /// <summary>The fields of the shared data's first note: id, date, duration, language, length, text.</summary>
    private string[] FirstNote() => File.ReadLines(data.Notes).Skip(1).First().Split(',', 6);

    /// <summary>A note row of client <paramref name="id"/> saying <paramref name="text"/>, dated and shaped as the shared data's first note.</summary>
    private string NoteRow(string id, string text)
    {
        var parts = FirstNote();
        return $"{id},{parts[1]},{parts[2]},{parts[3]},{parts[4]},\"{text}\"";
    }

    /// <summary>A notes file <paramref name="name"/> (in the data directory) holding one <see cref="NoteRow"/>; returns its path.</summary>
    private string OneNoteFile(string name, string id, string text)
    {
        var notes = data.PathOf(name);
        File.WriteAllText(notes, "ID,Date,Duration,Language,Length,Transcription\n" + NoteRow(id, text) + "\n");
        return notes;
    }

    [Fact]
    public void Train_and_predict_record_nothing_without_db_or_CLIENTELE_DB_and_no_store_is_still_accepted()
    {
        Assert.Null(Environment.GetEnvironmentVariable("CLIENTELE_DB"));
        Assert.False(new PredictSettings { Notes = data.Notes }.Store.Records);
        Assert.False(new TrainSettings { Notes = data.Notes, NoStore = true, Db = data.Db }.Store.Records);
        Assert.True(new PredictSettings { Notes = data.Notes, Db = data.Db }.Store.Records);

        var existed = File.Exists("clientele.db");
        RunOk("train", "--notes", data.Notes, "--out", data.PathOf("m-nostore"), "--quiet");
        Assert.Equal(0, Run("predict", "--model", data.PathOf("m-nostore"), "--notes", data.Notes, "--out", data.PathOf("nostore.csv"), "--quiet", "--no-store").Exit);
        Assert.Equal(existed, File.Exists("clientele.db"));
    }

    [Fact]
    public void Consent_export_and_forget_work_end_to_end_and_leave_no_note_text_in_the_files()
    {
        var file = data.PathOf("privacy.db");
        var db = "Data Source=" + file;
        var notes = data.PathOf("notes-marked.csv");
        var first = FirstNote()[0];
        File.WriteAllText(notes, File.ReadAllText(data.Notes).TrimEnd('\n') + "\n" + NoteRow("ZZ/MARK", $"Allergic to nuts {Marker} call Tuesday") + "\n");
        Assert.Equal(0, Run("train", "--notes", data.Notes, "--out", data.PathOf("m-priv"), "--quiet", "--db", db).Exit);
        Assert.Equal(0, Run("predict", "--model", data.PathOf("m-priv"), "--notes", notes, "--out", data.PathOf("p1.csv"), "--quiet", "--db", db).Exit);

        var (objected, said, _) = Run("consent", "--client", first, "--object", "--db", db);
        Assert.Equal(0, objected);
        Assert.Contains("objected", said, StringComparison.Ordinal);
        var (exit, stdout, err) = Run("predict", "--model", data.PathOf("m-priv"), "--notes", notes, "--out", data.PathOf("p2.csv"), "--json", "--db", db);
        Assert.True(exit == 0, err);
        Assert.Equal(1, JsonNode.Parse(stdout)!["suppressed"]!.GetValue<int>());
        Assert.Contains("1 client not scored", err, StringComparison.Ordinal);
        Assert.DoesNotContain(File.ReadLines(data.PathOf("p2.csv")), l => l.StartsWith(first + ",", StringComparison.Ordinal));

        Assert.Equal(0, Run("export", "--client", "ZZ/MARK", "--db", db, "--out", data.PathOf("zz0.json")).Exit);
        RunOk("export", "--client", "ZZ/MARK", "--db", db, "--out", data.PathOf("zz.json"));
        var export = JsonNode.Parse(File.ReadAllText(data.PathOf("zz.json")))!;
        Assert.Contains(Marker, export["notes"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        // Both predicts were the same scoring (same version, same as-of: today), so the second rewrote the first's row.
        Assert.Single(export["predictions"]!.AsArray());
        Assert.Equal(Clientele.Workflows.Versions.VersionName.Of(data.PathOf("m-priv")), export["models"]![0]!["version"]!.GetValue<string>());
        Assert.Equal("export", export["audit"]![0]!["action"]!.GetValue<string>());
        Assert.Empty(JsonNode.Parse(File.ReadAllText(data.PathOf("zz0.json")))!["audit"]!.AsArray());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(data.PathOf("zz.json")));
        }

        var (forgot, forgetOut, forgetErr) = Run("forget", "--client", "ZZ/MARK", "--db", db);
        Assert.True(forgot == 0, forgetErr);
        Assert.Contains("1 notes", forgetOut, StringComparison.Ordinal);
        Assert.Equal(2, Run("export", "--client", "ZZ/MARK", "--db", db, "--out", data.PathOf("zz2.json")).Exit);
        Assert.False(Clientele.TestKit.DatabaseFiles.Contain(file, Marker));

        // The trained version held the first client: erasing it flags the version for retraining.
        var (_, flagged, _) = Run("forget", "--client", first, "--db", db);
        Assert.Contains($"version {Clientele.Workflows.Versions.VersionName.Of(data.PathOf("m-priv"))} was trained with 1 erased client: retrain it", flagged, StringComparison.Ordinal);
        using var store = StoreFactory.Open(db);
        Assert.DoesNotContain(store.ListAudit(), a => a.Subject == "ZZ/MARK" || a.Subject == first);
        Assert.Contains(store.ListAudit(), a => a.Action == "erase" && a.Subject == store.ClientHash("ZZ/MARK"));
    }

    [Fact]
    public void Pseudonymise_stores_tokens_instead_of_identifiers_and_is_off_by_default()
    {
        Assert.Equal(0, Run("train", "--notes", data.Notes, "--out", data.PathOf("m-pseudo"), "--quiet", "--no-store").Exit);
        var notes = OneNoteFile("notes-ids.csv", "ZZ_P", "Loves silk; IBAN DE89 3704 0044 0532 0130 00, lives 12 rue de la Paix");
        foreach (var (file, flag) in new[] { ("pseudo-on.db", "--pseudonymise"), ("pseudo-off.db", "--quiet") })
        {
            var db = "Data Source=" + data.PathOf(file);
            RunOk("predict", "--model", data.PathOf("m-pseudo"), "--notes", notes, "--out", data.PathOf(file + ".csv"), "--quiet", "--db", db, flag);
            using var store = StoreFactory.Open(db);
            var text = store.GetNotes("ZZ_P").Single().Text;
            Assert.Equal(flag == "--pseudonymise" ? "Loves silk; IBAN [iban], lives [address]" : "Loves silk; IBAN DE89 3704 0044 0532 0130 00, lives 12 rue de la Paix", text);
        }
    }

    [Fact]
    public void A_data_key_file_encrypts_stored_notes_and_rotate_data_moves_them_to_the_newest_key()
    {
        Assert.Equal(0, Run("train", "--notes", data.Notes, "--out", data.PathOf("m-keys"), "--quiet", "--no-store").Exit);
        var notes = OneNoteFile("notes-enc.csv", "ZZ_E", $"Loves silk {Marker}");
        var file = data.PathOf("enc.db");
        var db = "Data Source=" + file;
        var keyA = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var keyB = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(data.PathOf("a.keys"), keyA + "\n");
        File.WriteAllText(data.PathOf("ab.keys"), keyA + "\n" + keyB + "\n");
        File.WriteAllText(data.PathOf("b.keys"), keyB + "\n");

        RunOk("predict", "--model", data.PathOf("m-keys"), "--notes", notes, "--out", data.PathOf("enc.csv"), "--quiet", "--db", db, "--data-key-file", data.PathOf("a.keys"));
        Assert.False(Clientele.TestKit.DatabaseFiles.Contain(file, Marker));
        var said = RunOk("keys", "rotate-data", "--db", db, "--data-key-file", data.PathOf("ab.keys"));
        Assert.Contains("1 notes and transaction amounts re-encrypted", said, StringComparison.Ordinal);

        RunOk("export", "--client", "ZZ_E", "--db", db, "--data-key-file", data.PathOf("b.keys"), "--out", data.PathOf("enc.json"));
        Assert.Contains(Marker, File.ReadAllText(data.PathOf("enc.json")), StringComparison.Ordinal);
        var (refused, _, refusedErr) = Run("export", "--client", "ZZ_E", "--db", db, "--data-key-file", data.PathOf("a.keys"), "--out", data.PathOf("enc2.json"));
        Assert.Equal(2, refused);
        Assert.Contains("not configured", refusedErr, StringComparison.Ordinal);
        File.WriteAllText(data.PathOf("bad.keys"), "not-a-key\n");
        var (bad, _, badErr) = Run("keys", "rotate-data", "--db", db, "--data-key-file", data.PathOf("bad.keys"));
        Assert.Equal(2, bad);
        Assert.Contains("entry 1 is not a data key", badErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("forget")]
    [InlineData("export", "--out", "-")]
    [InlineData("consent", "--object")]
    public void Subject_verbs_need_a_client_and_create_no_store_when_refused(string verb, params string[] more)
    {
        var file = data.PathOf(verb + "-none.db");
        var (exit, _, err) = Run([verb, "--db", "Data Source=" + file, .. more]);
        Assert.Equal(2, exit);
        Assert.Contains("--client <ID> is required", err, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void Consent_takes_exactly_one_state()
    {
        var db = "Data Source=" + data.PathOf("c.db");
        Assert.Equal(2, Run("consent", "--client", "A", "--object", "--grant", "--db", db).Exit);
        Assert.Equal(2, Run("consent", "--client", "A", "--db", db).Exit);
    }
}
