namespace Clientele.Cli.Tests;

/// <summary>A temp directory with generated notes and labels, shared by the CLI tests of a class.</summary>
public sealed class CliFixture : IDisposable
{
    public CliFixture()
    {
        Dir = Path.Combine(Path.GetTempPath(), "clientele-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
        SyntheticNotes.WriteFiles(Dir, clients: 600, seed: 5);
    }

    public string Dir { get; }

    public string Notes => Path.Combine(Dir, "notes.csv");

    public string Labels => Path.Combine(Dir, "labels.csv");

    /// <summary>The generated data's as-of date (yyyy-MM-dd): scoring it as of today would leave out the notes dated after today.</summary>
    public static string AsOf => new Synthetic.GeneratorOptions(600, Seed: 5).AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string Db => "Data Source=" + Path.Combine(Dir, "test.db");

    public string PathOf(string name) => Path.Combine(Dir, name);

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
