using System.Runtime.InteropServices;

namespace EnMasse.Policy.Documents;

/// <summary>What a path leads to once links are followed, told without opening it.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,

    /// <summary>Not a directory, and the platform cannot tell more (see <see cref="FileProbe"/>).</summary>
    Unknown,
}

/// <summary>
/// Looks at a path without opening it: opening a FIFO blocks until a writer comes, and reading
/// a device such as /dev/zero never ends. .NET tells files from directories but not a regular
/// file from a FIFO or a device, so on Linux this asks the kernel (statx, realpath); elsewhere a
/// non-directory is <see cref="FileKind.Unknown"/> and the reader relies on its size bound.
/// </summary>
public static partial class FileProbe
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int TypeMask = 0xF000;

    /// <summary>The kind of file the path leads to, links followed.</summary>
    public static FileKind Kind(string path)
    {
        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        if (!OperatingSystem.IsLinux())
        {
            return FileKind.Unknown;
        }

        try
        {
            if (Statx(AtCurrentDirectory, path, 0, StatxType, out var status) != 0)
            {
                return FileKind.Missing;
            }

            return (status.Mode & TypeMask) switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0x1000 => FileKind.Fifo,
                0x2000 => FileKind.CharacterDevice,
                0x6000 => FileKind.BlockDevice,
                0xC000 => FileKind.Socket,
                _ => FileKind.Unknown,
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return FileKind.Unknown;
        }
    }

    /// <summary>The path with every link in it resolved, or null when it leads nowhere.</summary>
    public static string? RealPath(string path)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            try
            {
                var resolved = RealPathNative(path, IntPtr.Zero);
                if (resolved == IntPtr.Zero)
                {
                    return null;
                }

                try
                {
                    return Marshal.PtrToStringUTF8(resolved);
                }
                finally
                {
                    Free(resolved);
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
            }
        }

        var info = new FileInfo(path);
        var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true);
        return target is { Exists: true } || Directory.Exists(target?.FullName) ? target!.FullName : null;
    }

    /// <summary>Whether <paramref name="realPath"/> is <paramref name="realDirectory"/> or below it; both with their links resolved.</summary>
    public static bool IsWithin(string realPath, string realDirectory) =>
        realPath == realDirectory
        || realPath.StartsWith(realDirectory.EndsWith(Path.DirectorySeparatorChar) ? realDirectory : realDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The part of Linux's struct statx this needs; its layout is the same on every architecture.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer buffer);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RealPathNative(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);
}
