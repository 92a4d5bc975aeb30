namespace Clientele.Cli.Tests.Golden;

/// <summary>
/// Generated notes (300 clients, seed 11) run once through every verb whose output the golden files pin:
/// detect, train (Fast and Elite, real and smart labels), predict with reasons, evaluate.
/// </summary>
public sealed class GoldenFixture : IDisposable
{
    public static readonly string[] RunNames = ["detect", "fast-labels", "elite-labels", "fast-smart", "elite-smart"];

    private readonly Dictionary<string, List<(string Name, string Content)>> _outputs = [];

    public GoldenFixture()
    {
        Dir = Path.Combine(Path.GetTempPath(), "clientele-golden-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
        Run("generate", "--clients", "300", "--seed", "11", "--out", Dir);
    }

    public string Dir { get; }

    /// <summary>The outputs of one run, computed on first use.</summary>
    public IReadOnlyList<(string Name, string Content)> Outputs(string run)
    {
        lock (_outputs)
        {
            if (!_outputs.TryGetValue(run, out var list))
            {
                _outputs[run] = list = Compute(run, Path.Combine(Dir, "notes.csv"), Path.Combine(Dir, "labels.csv"), Dir, run);
            }

            return list;
        }
    }

    /// <summary>Detect, Fast and Elite on smart labels, predict: the outputs on the shared sample (hashed by the caller).</summary>
    public static List<(string Name, string Content)> SharedSampleOutputs(string notes)
    {
        var dir = Path.Combine(Path.GetTempPath(), "clientele-golden-shared-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var all = new List<(string, string)>();
            foreach (var run in new[] { "detect", "fast-smart", "elite-smart" })
            {
                all.AddRange(Compute(run, notes, null, dir, "shared-" + run));
            }

            return all;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static List<(string Name, string Content)> Compute(string run, string notes, string? labels, string dir, string prefix)
    {
        var result = new List<(string, string)>();
        if (run == "detect")
        {
            var concepts = Path.Combine(dir, prefix + ".concepts.csv");
            Run("detect", "--notes", notes, "--out", concepts, "--quiet");
            result.Add((prefix + ".concepts.csv", File.ReadAllText(concepts)));
            return result;
        }

        var tier = run.StartsWith("fast", StringComparison.Ordinal) ? "fast" : "elite";
        var model = Path.Combine(dir, prefix + ".model");
        var train = new List<string> { "train", "--notes", notes, "--tier", tier, "--out", model, "--json", "--quiet", "--no-store", "--folds", "3" };
        if (run.EndsWith("labels", StringComparison.Ordinal) && labels is not null)
        {
            train.AddRange(["--labels", labels]);
        }

        result.Add((prefix + ".train.json", Golden.Normalize(Run([.. train]), dir)));
        result.Add((prefix + ".featurizer.json", File.ReadAllText(Path.Combine(Clientele.Storage.Files.ModelsDirectory.Resolve(model), "featurizer.json"))));
        var scores = Path.Combine(dir, prefix + ".scores.csv");
        // Scored as of the date the model was trained to (predict's own default is today).
        var asOf = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Clientele.Storage.Files.ModelsDirectory.Resolve(model), "featurizer.json")))!["as_of"]!.GetValue<string>();
        Run("predict", "--model", model, "--notes", notes, "--out", scores, "--quiet", "--no-store", "--as-of", asOf);
        result.Add((prefix + ".scores.csv", File.ReadAllText(scores)));
        if (labels is not null)
        {
            result.Add((prefix + ".evaluate.json", Golden.Normalize(Run("evaluate", "--model", model, "--notes", notes, "--labels", labels, "--json", "--quiet"), dir)));
        }

        return result;
    }

    private static string Run(params string[] args)
    {
        var (exit, stdout, stderr) = ClienteleApp.RunCaptured(args);
        Assert.True(exit == 0, $"clientele {string.Join(' ', args)} exited {exit}: {stderr}");
        return stdout;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
