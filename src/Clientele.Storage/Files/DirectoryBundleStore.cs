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
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            bundle.Save(new Sink(staging));
            if (Directory.Exists(full))
            {
                var old = Path.Combine(parent, $".{Path.GetFileName(full)}.old-{Guid.NewGuid():N}");
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
    }

    public static ModelBundle Load(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new Clientele.Core.Errors.ClienteleInputException(directory, null, null, "no model bundle here (directory not found); train one with 'clientele train --out DIR'");
        }

        return ModelBundle.Load(new Source(full), directory);
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
