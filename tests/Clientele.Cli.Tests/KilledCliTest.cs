using Xunit.Abstractions;

namespace Clientele.Cli.Tests;

/// <summary>
/// What the tests that SIGKILL the real CLI at several points of a run share: a temporary directory holding the
/// generator's <c>notes.csv</c> and <c>labels.csv</c> of <see cref="Clients"/> clients (removed afterwards), and the
/// test output each kill is logged to.
/// </summary>
public abstract class KilledCliTest : IDisposable
{
    protected const int Clients = 3000;

    /// <param name="output">Where each kill is logged.</param>
    /// <param name="name">Names the temporary directory (<c>clientele-NAME-…</c>).</param>
    /// <param name="seed">Seed of the generated notes.</param>
    protected KilledCliTest(ITestOutputHelper output, string name, int seed)
    {
        Output = output;
        Dir = Path.Combine(Path.GetTempPath(), $"clientele-{name}-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Dir);
        SyntheticNotes.WriteFiles(Dir, Clients, seed);
    }

    protected ITestOutputHelper Output { get; }

    /// <summary>The test's directory: the child processes run in it.</summary>
    protected string Dir { get; }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
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
