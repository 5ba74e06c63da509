namespace ExecPlan.Validation.Io;

using System;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

/// <summary>Why a file could not be read.</summary>
public enum FileReadFailure
{
    /// <summary>The file was read.</summary>
    None,

    /// <summary>Nothing exists at the path.</summary>
    Missing,

    /// <summary>The path is a directory.</summary>
    Directory,

    /// <summary>A FIFO, socket, terminal or device: something that is not a regular file.</summary>
    NotRegularFile,

    /// <summary>The file is larger than the limit; it was not read.</summary>
    TooLarge,

    /// <summary>The operating system refused (permissions, I/O error, ...).</summary>
    Unreadable,
}

/// <summary>The outcome of <see cref="SafeFileReader.Read"/>: the bytes, or why there are none.</summary>
public sealed class FileReadResult
{
    internal FileReadResult(byte[]? bytes, FileReadFailure failure, long size, string reason)
    {
        Bytes = bytes;
        Failure = failure;
        Size = size;
        Reason = reason;
    }

    /// <summary>The file's content when <see cref="Failure"/> is <see cref="FileReadFailure.None"/>.</summary>
    public byte[]? Bytes { get; }

    public FileReadFailure Failure { get; }

    /// <summary>The size the file reported (for <see cref="FileReadFailure.TooLarge"/>), else -1.</summary>
    public long Size { get; }

    /// <summary>A short clause for messages ("it is a FIFO, socket or terminal ..."); empty on success.</summary>
    public string Reason { get; }
}

/// <summary>
/// The one place the library and every front end read a file they were pointed at (plans,
/// .editorconfig files, the build's plan sniff). Only regular files are read: a FIFO, socket or
/// terminal is refused at once instead of blocking in open(2) or read(2), and a device that
/// claims to be empty (<c>/dev/zero</c>, <c>/dev/urandom</c>) is refused after one byte more than
/// it claimed. Never more than <c>limit + 1</c> bytes are read, whatever the file claims.
/// </summary>
/// <remarks>
/// .NET reports no file type (a FIFO shows <c>Attributes=Normal</c>, <c>Length=0</c>), and a
/// plain <see cref="FileStream"/> blocks in open(2) on a FIFO without a writer. On Linux, macOS
/// and FreeBSD the file is therefore opened with <c>O_NONBLOCK</c> through libc and wrapped in a
/// <see cref="FileStream"/>; a stream that cannot seek is not a regular file. On Windows (and if
/// libc cannot be called) the plain path is used, with the same bounded read.
/// </remarks>
public static class SafeFileReader
{
    private const int ENOENT = 2;
    private const int ENXIO = 6;
    private const int EACCES = 13;
    private const int ENOTDIR = 20;
    private const int EISDIR = 21;

    private static readonly int OpenFlags = UnixOpenFlags();

    private static volatile bool NativeUnavailable;

    /// <summary>Reads the whole file when it is a regular file of at most <paramref name="limit"/> bytes.</summary>
    public static FileReadResult Read(string path, long limit) => ReadCore(path, limit, prefixOnly: false);

    /// <summary>Reads at most the first <paramref name="count"/> bytes of a regular file (a sniff):
    /// a longer file is not an error.</summary>
    public static FileReadResult ReadPrefix(string path, int count) => ReadCore(path, count, prefixOnly: true);

    private static FileReadResult ReadCore(string path, long limit, bool prefixOnly)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (limit < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit));
        }

        if (path.IndexOf('\0') >= 0)
        {
            return Fail(FileReadFailure.Unreadable, "the path contains a NUL character");
        }

        try
        {
            if (System.IO.Directory.Exists(path))
            {
                return Fail(FileReadFailure.Directory, "it is a directory");
            }

            using var stream = Open(path, out var failure);
            if (stream is null)
            {
                return failure!;
            }

            if (!stream.CanSeek)
            {
                return Fail(FileReadFailure.NotRegularFile, "it is not a regular file (a FIFO, socket or terminal); only regular files are read");
            }

            var claimed = stream.Length;
            if (claimed > limit && !prefixOnly)
            {
                return new FileReadResult(null, FileReadFailure.TooLarge, claimed, "it is " + claimed + " bytes, over the " + limit + "-byte limit");
            }

            // One byte more than the file claims (or the limit allows) tells a device that
            // yields endless bytes, or a file growing under us, from a regular file.
            var expected = Math.Min(claimed, limit);
            var buffer = new byte[expected + 1];
            var total = 0;
            int n;
            while (total < buffer.Length && (n = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += n;
            }

            if (total > expected)
            {
                if (prefixOnly && claimed > limit)
                {
                    total = (int)expected;
                }
                else
                {
                    return Fail(FileReadFailure.NotRegularFile,
                        "it yields more bytes than its size (" + claimed + ") says: it is a device or is being written to; only regular files are read");
                }
            }

            if (total != buffer.Length)
            {
                Array.Resize(ref buffer, total);
            }

            return new FileReadResult(buffer, FileReadFailure.None, -1, string.Empty);
        }
        catch (FileNotFoundException)
        {
            return Fail(FileReadFailure.Missing, "it does not exist");
        }
        catch (DirectoryNotFoundException)
        {
            return Fail(FileReadFailure.Missing, "it does not exist");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or
            System.Security.SecurityException or OutOfMemoryException)
        {
            return Fail(FileReadFailure.Unreadable, ex.Message);
        }
    }

    private static FileReadResult Fail(FileReadFailure failure, string reason) => new(null, failure, -1, reason);

    private static FileStream? Open(string path, out FileReadResult? failure)
    {
        failure = null;
        if (OpenFlags != 0 && !NativeUnavailable)
        {
            int fd;
            try
            {
                fd = NativeMethods.Open(path, OpenFlags);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                NativeUnavailable = true;
                return OpenManaged(path);
            }

            if (fd < 0)
            {
                var errno = Marshal.GetLastWin32Error();
                failure = errno switch
                {
                    ENOENT or ENOTDIR => Fail(FileReadFailure.Missing, "it does not exist"),
                    EISDIR => Fail(FileReadFailure.Directory, "it is a directory"),
                    ENXIO => Fail(FileReadFailure.NotRegularFile, "it is not a regular file (a socket or device); only regular files are read"),
                    EACCES => Fail(FileReadFailure.Unreadable, "permission denied"),
                    _ => Fail(FileReadFailure.Unreadable, new Win32Exception(errno).Message),
                };
                return null;
            }

            var handle = new SafeFileHandle(new IntPtr(fd), ownsHandle: true);
            try
            {
                return new FileStream(handle, FileAccess.Read, bufferSize: 1);
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        return OpenManaged(path);
    }

    private static FileStream OpenManaged(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);

    /// <summary>O_RDONLY | O_NONBLOCK | O_CLOEXEC for the platforms where they are known; 0 means "use the plain path".</summary>
    private static int UnixOpenFlags()
    {
        try
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                return 0x800 | 0x80000;
            }

            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            {
                return 0x4 | 0x1000000;
            }

            if (RuntimeInformation.IsOSPlatform(OSPlatform.Create("FREEBSD")))
            {
                return 0x4 | 0x100000;
            }
        }
#pragma warning disable CA1031 // An unknown platform uses the plain path.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        return 0;
    }

    private static class NativeMethods
    {
        /// <summary>open(2) with a NUL-terminated UTF-8 path (netstandard2.0 has no LPUTF8Str).</summary>
        public static int Open(string path, int flags)
        {
            var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(path) + 1];
            System.Text.Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0);
            return OpenNative(bytes, flags);
        }

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int OpenNative(byte[] path, int flags);
    }
}
