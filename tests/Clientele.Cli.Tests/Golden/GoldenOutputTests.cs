using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Clientele.Cli.Tests.Golden;

/// <summary>
/// Pins what users get — concepts, scores with reasons, metrics — byte for byte against files recorded from an
/// earlier build, so a change of shape (refactoring) is proven not to change behaviour. A change that is meant to
/// alter outputs re-records them (<c>CLIENTELE_RECORD_GOLDEN=1 dotnet test --filter Golden</c>) and explains each
/// difference in its commit. Timings are removed before comparing; everything else must match exactly.
/// </summary>
public sealed class GoldenOutputTests(GoldenFixture data) : IClassFixture<GoldenFixture>
{
    public static TheoryData<string> Runs => new(GoldenFixture.RunNames);

    [Theory]
    [MemberData(nameof(Runs))]
    public void Outputs_on_generated_notes_are_byte_identical_to_the_recorded_ones(string run)
    {
        foreach (var (name, content) in data.Outputs(run))
        {
            Golden.Check(name, content);
        }
    }

    [SharedSampleFact]
    public void Outputs_on_the_shared_sample_hash_to_the_recorded_digests()
    {
        // The sample's text must not be copied into the project: only digests of the outputs are recorded.
        var sb = new StringBuilder();
        foreach (var (name, content) in GoldenFixture.SharedSampleOutputs(SharedSampleFactAttribute.NotesPath))
        {
            sb.Append(name).Append(' ').Append(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))).Append('\n');
        }

        Golden.Check("shared-sample.sha256", sb.ToString());
    }
}

/// <summary>Compares with (or records) one golden file under tests/Clientele.Cli.Tests/Golden/files.</summary>
internal static class Golden
{
    public static bool Recording => Environment.GetEnvironmentVariable("CLIENTELE_RECORD_GOLDEN") == "1";

    public static void Check(string name, string actual)
    {
        var path = Path.Combine(FilesDir(), name);
        if (Recording)
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(path), $"no golden file {path}: record it with CLIENTELE_RECORD_GOLDEN=1");
        var expected = File.ReadAllText(path, Encoding.UTF8);
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
            Assert.Fail($"{name} differs from its golden file at line {line + 1}:\n  expected: {Line(e, line)}\n  actual:   {Line(a, line)}");
        }
    }

    private static string Line(string[] lines, int i) => i < lines.Length ? (lines[i].Length > 300 ? lines[i][..300] + "…" : lines[i]) : "<end of file>";

    private static string FilesDir() => Clientele.TestKit.RepoPaths.Of("tests", "Clientele.Cli.Tests", "Golden", "files");

    /// <summary>A JSON report without its timings (and with the temp folder replaced), keys in their written order.</summary>
    public static string Normalize(string json, string dir)
    {
        var node = JsonNode.Parse(json)!;
        Strip(node);
        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }).Replace(dir, "<dir>", StringComparison.Ordinal) + "\n";
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(kv => kv.Key).Where(k => k is "seconds" or "created_at" or "out" or "model").ToList())
                {
                    o.Remove(key);
                }

                foreach (var kv in o)
                {
                    Strip(kv.Value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Strip(item);
                }

                break;
        }
    }
}
