using Clientele.Core.Bundles;

namespace Clientele.Storage.Files;

/// <summary>
/// Saves a model bundle as a directory, atomically: parts go into a hidden sibling directory, which
/// replaces the target by rename only once complete. A failed or killed training never leaves a
/// half-written bundle and never damages the previous one.
/// </summary>
public static class DirectoryBundleStore
{
    public static void Save(ModelBundle bundle, string directory)
    {
        var full = Path.GetFullPath(directory);
        var parent = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{name}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            bundle.Save(new Sink(staging));
            // A previous save killed between its two renames left the target missing and the old bundle
            // aside: put it back first, so this save replaces it the normal way.
            Recover(full);
            if (Directory.Exists(full))
            {
                // The pid in the name tells a later cleanup whether the process that put it aside is still alive.
                var old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
                Directory.Move(full, old);
                Directory.Move(staging, full);
                Directory.Delete(old, recursive: true);
            }
            else
            {
                Directory.Move(staging, full);
            }
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }

        RemoveStale(full);
    }

    /// <summary>Loads the bundle in <paramref name="directory"/>, or the current version of a models directory (<see cref="ModelsDirectory"/>).</summary>
    public static ModelBundle Load(string directory) => Open(directory).Finish();

    /// <summary>As <see cref="Load"/>, the featurizer and models left for <see cref="BundleOpening.Finish"/> (see <see cref="ModelBundle.Open"/>).</summary>
    public static BundleOpening Open(string directory)
    {
        var full = Path.GetFullPath(ModelsDirectory.Resolve(directory));
        Recover(full);
        if (!Directory.Exists(full))
        {
            throw new Clientele.Core.Errors.ClienteleInputException(directory, null, null, "no model bundle here (directory not found); train one with 'clientele train --out DIR'");
        }

        return ModelBundle.Open(new Source(full), directory);
    }

    /// <summary>The clients the bundle in <paramref name="directory"/> was trained on (keyed hashes), or null for a bundle that predates the record.</summary>
    public static TrainingMembers? LoadTrainedOn(string directory, BundleMetadata metadata)
    {
        var full = Path.GetFullPath(ModelsDirectory.Resolve(directory));
        return ModelBundle.LoadTrainedOn(new Source(full), metadata, directory);
    }

    /// <summary>
    /// Hidden leftovers of killed saves of any bundle directly inside <paramref name="root"/> (a models directory):
    /// ".NAME.tmp-PID-GUID" (staging) and ".NAME.old-PID-GUID" (a previous bundle, put aside for the instant between
    /// two renames). Versions have unique names, so a killed save's staging is never reused by the next one.
    /// </summary>
    public static IReadOnlyList<string> LeftoversIn(string root)
    {
        var full = Path.GetFullPath(root);
        return !Directory.Exists(full) ? [] : [.. Directory.GetDirectories(full, ".*.tmp-*"), .. Directory.GetDirectories(full, ".*.old-*")];
    }

    /// <summary>
    /// Save swaps with two renames (target aside, staging in), so a kill between them leaves no target and
    /// the previous bundle complete under ".NAME.old-*". Renaming the newest verified one back restores the
    /// state before that save, as if it had never started. Racing recoveries are harmless: the loser's
    /// rename fails and it finds the target in place.
    /// </summary>
    private static void Recover(string full)
    {
        if (Directory.Exists(full))
        {
            return;
        }

        var parent = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (var old in Directory.GetDirectories(parent, $".{Path.GetFileName(full)}.old-*").OrderByDescending(Directory.GetLastWriteTimeUtc))
        {
            try
            {
                ModelBundle.Load(new Source(old), old); // verified before it is trusted again
                Directory.Move(old, full);
                return;
            }
            catch (Exception e) when (e is IOException or Core.Errors.ClienteleInputException or UnauthorizedAccessException)
            {
                if (Directory.Exists(full))
                {
                    return; // another process recovered it first
                }
            }
        }
    }

    /// <summary>
    /// After a successful save, removes leftovers of earlier saves that were killed, of this bundle or any sibling
    /// (versions have unique names, so a killed save's leftovers would otherwise stay forever): only those created
    /// before this process started and whose owning process is gone, so a save running concurrently in
    /// another process (or this one) never loses its staging directory.
    /// </summary>
    private static void RemoveStale(string full)
    {
        var started = ProcessStart.Value;
        foreach (var dir in LeftoversIn(Path.GetDirectoryName(full)!))
        {
            try
            {
                if (Directory.GetCreationTimeUtc(dir) >= started || OwnerAlive(dir))
                {
                    continue;
                }

                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: a leftover is hidden and never read as a bundle; the next save tries again.
            }
        }
    }

    private static readonly Lazy<DateTime> ProcessStart = new(() =>
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.StartTime.ToUniversalTime();
    });

    /// <summary>Whether the pid in ".NAME.tmp-PID-GUID" / ".NAME.old-PID-GUID" names a running process other than this one.</summary>
    private static bool OwnerAlive(string dir)
    {
        var suffix = Path.GetFileName(dir);
        var dash = suffix.LastIndexOf('-');
        var kind = suffix.LastIndexOf(".tmp-", StringComparison.Ordinal) is var t and >= 0 ? t + 5 : suffix.LastIndexOf(".old-", StringComparison.Ordinal) + 5;
        if (dash <= kind || !int.TryParse(suffix.AsSpan(kind, dash - kind), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return false; // no pid (older naming): its age alone decides
        }

        if (pid == Environment.ProcessId)
        {
            return false; // created before this process started, so by an earlier process that had the same pid
        }

        try
        {
            using var owner = System.Diagnostics.Process.GetProcessById(pid);
            return !owner.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private sealed class Sink(string dir) : IBundleSink
    {
        public Stream Create(string name)
        {
            var stream = new FileStream(Path.Combine(dir, Path.GetFileName(name)), FileMode.CreateNew, FileAccess.Write);
            return new FlushingStream(stream);
        }
    }

    private sealed class Source(string dir) : IBundleSource
    {
        public bool Exists(string name) => File.Exists(Path.Combine(dir, Path.GetFileName(name)));

        public Stream Open(string name) => File.OpenRead(Path.Combine(dir, Path.GetFileName(name)));
    }

    /// <summary>Flushes to disk on dispose so the rename never publishes data still in the page cache only.</summary>
    private sealed class FlushingStream(FileStream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Flush(flushToDisk: true);
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
