namespace Clientele.Storage.Files;

/// <summary>
/// Writes a file so that readers see either the old content or the whole new one, never a part: the
/// content goes to a temporary file beside the target, is flushed to disk, then renamed over it.
/// A failure (or a kill) leaves at most a stray "*.tmp-*" file, never a truncated target.
/// </summary>
/// <remarks>
/// Only a regular file (or a path where nothing exists yet) is replaced by a rename (issue 14, item 8): a
/// symbolic link is resolved first and its final target replaced, so the link stays a link; a device or a FIFO
/// (<c>/dev/null</c>, a named pipe, <c>/dev/stdout</c>) is written directly, since renaming a file over it would
/// replace the device with a regular file.
/// </remarks>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var full = Target(path);
        switch (FileKind.Of(full))
        {
            case FileKindValue.Special:
                using (var direct = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16))
                {
                    body(direct);
                    direct.Flush();
                }

                return;
            case FileKindValue.Directory:
                throw new IOException($"'{path}' is a directory");
        }

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

    /// <summary>The path to write: the final target of a symbolic link (relative targets resolved beside the link), else the full path.</summary>
    public static string Target(string path)
    {
        var full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (info.LinkTarget is null)
        {
            return full;
        }

        var final = info.ResolveLinkTarget(returnFinalTarget: true);
        return final is null ? full : Path.GetFullPath(final.FullName);
    }

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
