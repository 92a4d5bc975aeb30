using System.Text.Json.Nodes;

namespace Clientele.Cli.Tests;

/// <summary><c>train --include-sensitive</c> (issue 15 item 8): off by default, recorded in the bundle either way.</summary>
public sealed class SensitiveTrainingTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "clientele-sensitive-" + Guid.NewGuid().ToString("N"));

    public SensitiveTrainingTests()
    {
        Directory.CreateDirectory(_dir);
        RunOk("generate", "--clients", "300", "--no-transactions", "--out", _dir);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private JsonNode Train(string name, params string[] extra)
    {
        RunOk([.. new[] { "train", "--notes", Path.Combine(_dir, "notes.csv"), "--labels", Path.Combine(_dir, "labels.csv"),
            "--tier", "fast", "--out", Path.Combine(_dir, name), "--quiet", "--no-store" }, .. extra]);
        return JsonNode.Parse(File.ReadAllText(Path.Combine(Clientele.Storage.Files.ModelsDirectory.Resolve(Path.Combine(_dir, name)), "metadata.json")))!;
    }

    [Fact]
    public void Sensitive_concepts_stay_out_of_the_model_unless_the_training_opts_in_and_the_bundle_says_which()
    {
        var masked = Train("masked");
        var open = Train("open", "--include-sensitive");
        Assert.False(masked["includes_sensitive"]!.GetValue<bool>());
        Assert.True(open["includes_sensitive"]!.GetValue<bool>());
        static bool Allergy(JsonNode m) => m["feature_names"]!.AsArray().Any(n => n!.GetValue<string>().Contains("allergy.", StringComparison.Ordinal));
        Assert.False(Allergy(masked));
        Assert.True(Allergy(open));
    }
}
