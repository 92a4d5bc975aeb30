using System.Runtime.InteropServices;

namespace Clientele.Storage.Files;

/// <summary>What a path names, as far as writing it goes: nothing yet, a regular file, or something else.</summary>
public enum FileKindValue
{
    /// <summary>Nothing exists at the path.</summary>
    Missing,

    /// <summary>A regular file: replaced by an atomic rename.</summary>
    Regular,

    /// <summary>A directory: never written.</summary>
    Directory,

    /// <summary>A device, FIFO or socket (/dev/null, a named pipe): written directly, never renamed over.</summary>
    Special,
}

/// <summary>
/// The kind of a path, followed through symbolic links. .NET's public file API does not tell a device or a
/// FIFO from a regular file (both are "Normal"), so on Unix the mode bits come from the runtime's own native
/// stat (the function File.Exists uses); elsewhere a path that exists and is not a directory counts as regular.
/// </summary>
public static partial class FileKind
{
    private const int TypeMask = 0xF000;      // S_IFMT
    private const int RegularType = 0x8000;   // S_IFREG
    private const int DirectoryType = 0x4000; // S_IFDIR

    /// <summary>The kind of <paramref name="path"/> (links followed).</summary>
    public static FileKindValue Of(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                // The runtime's FileStatus struct starts with Flags then Mode (both int32); the buffer is larger than the struct.
                var status = new byte[512];
                if (NativeStat(path, status) != 0)
                {
                    return FileKindValue.Missing;
                }

                return (BitConverter.ToInt32(status, 4) & TypeMask) switch
                {
                    RegularType => FileKindValue.Regular,
                    DirectoryType => FileKindValue.Directory,
                    _ => FileKindValue.Special,
                };
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // A runtime without the native entry point: fall back to what the public API can tell.
            }
        }

        return System.IO.Directory.Exists(path) ? FileKindValue.Directory : File.Exists(path) ? FileKindValue.Regular : FileKindValue.Missing;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int NativeStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] status);
}
