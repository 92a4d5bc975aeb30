namespace Clientele.Storage.Tests.Infrastructure;

/// <summary>A temporary folder for one test class, deleted with everything in it when the class is done.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("clientele-storage-").FullName;

    public string NewFile(string extension = ".db") => System.IO.Path.Combine(Path, Guid.NewGuid().ToString("N") + extension);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere must not turn a passing run into a failure; /tmp is swept anyway.
        }
    }
}
