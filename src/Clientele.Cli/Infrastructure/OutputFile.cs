using Clientele.Core.Errors;
using Clientele.Storage.Files;

namespace Clientele.Cli.Infrastructure;

/// <summary>
/// Where a verb's <c>--out</c> goes: <c>-</c> is stdout, anything else is written by <see cref="AtomicFile"/> (a regular
/// file replaced atomically, a link written through, a device or FIFO written directly). A place that cannot be
/// written is bad input (exit 2, one line), found before any work starts.
/// </summary>
public static class OutputFile
{
    /// <summary>The <c>--out</c> value meaning standard output.</summary>
    public const string Stdout = "-";

    /// <summary>True when <paramref name="path"/> is stdout: the verb's summary then goes to stderr so the data stays clean.</summary>
    public static bool IsStdout(string? path) => path == Stdout;

    /// <summary>Throws bad input when <paramref name="path"/> cannot be written (a directory, an unwritable or impossible folder).</summary>
    public static void RequireWritable(string path)
    {
        if (IsStdout(path))
        {
            return;
        }

        try
        {
            var full = AtomicFile.Target(path);
            switch (FileKind.Of(full))
            {
                case FileKindValue.Directory:
                    throw new ClienteleInputException(path, null, null, CliMessages.CannotWrite("it is a directory"));
                case FileKindValue.Special:
                    return;
            }

            var dir = Path.GetDirectoryName(full)!;
            try
            {
                Directory.CreateDirectory(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ClienteleInputException(path, null, null, CliMessages.CannotWrite($"the folder {dir} does not exist and cannot be created"));
            }

            // A probe file proves the folder takes new files (permissions, read-only mounts) before hours of work.
            var probe = Path.Combine(dir, $".{Path.GetFileName(full)}.probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ClienteleInputException(path, null, null, CliMessages.CannotWrite(Plain(e)));
        }
    }

    /// <summary>Writes text to <paramref name="path"/> (stdout for <c>-</c>); a write refused by the system is bad input.</summary>
    public static void WriteText(string path, Action<TextWriter> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (IsStdout(path))
        {
            body(CliIO.Out);
            CliIO.Out.Flush();
            return;
        }

        try
        {
            AtomicFile.WriteText(path, body);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or DirectoryNotFoundException)
        {
            throw new ClienteleInputException(path, null, null, CliMessages.CannotWrite(Plain(e)));
        }
    }

    /// <summary>
    /// Writes bytes to <paramref name="path"/>, which is not stdout, through <see cref="AtomicFile"/>: an exception in
    /// <paramref name="body"/> leaves no file. A write refused by the system is bad input.
    /// </summary>
    public static void Write(string path, Action<Stream> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (IsStdout(path))
        {
            throw new ArgumentException("standard output takes text: use WriteText", nameof(path));
        }

        try
        {
            AtomicFile.Write(path, body);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or DirectoryNotFoundException)
        {
            throw new ClienteleInputException(path, null, null, CliMessages.CannotWrite(Plain(e)));
        }
    }

    /// <summary>The reason without the runtime's own path quoting ("Access to the path '/x' is denied.").</summary>
    private static string Plain(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "the folder does not exist and cannot be created",
        _ => e.Message.TrimEnd('.'),
    };
}
