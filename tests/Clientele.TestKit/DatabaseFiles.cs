namespace Clientele.TestKit;

/// <summary>The raw bytes of a SQLite store (the database file and its write-ahead log), for tests that prove text is gone or sealed.</summary>
public static class DatabaseFiles
{
    /// <summary>True when <paramref name="text"/> (UTF-8) stands anywhere in <paramref name="file"/> or its <c>-wal</c> file, read while the store is open.</summary>
    public static bool Contain(string file, string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (copy.ToArray().AsSpan().IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
