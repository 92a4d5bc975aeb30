namespace Clientele.Storage.Files;

/// <summary>
/// Writes a file so that readers see either the old content or the whole new one, never a part: the
/// content goes to a temporary file beside the target, is flushed to disk, then renamed over it.
/// A failure (or a kill) leaves at most a stray "*.tmp-*" file, never a truncated target.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> body)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                body(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes text as UTF-8 (no BOM) atomically.</summary>
    public static void WriteText(string path, Action<TextWriter> body) =>
        Write(path, s =>
        {
            using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            body(w);
            w.Flush();
        });

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the stray temp file is harmless and named so it is easy to spot.
        }
    }
}
