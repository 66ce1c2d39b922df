using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Finds and reads article files, refusing what could harm the site or leak another file: links that lead
/// outside the content folder, files too large to be an article, and files that are not UTF-8 text.
/// Staff are trusted, but mistakes and stolen accounts happen.
/// </summary>
public static class ArticleFiles
{
    public const int MaxFileBytes = 1024 * 1024;
    private const int MaxFolderDepth = 16;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Every <c>.md</c> file under <paramref name="folder"/>, sorted, with its path relative to <paramref name="contentRoot"/>.</summary>
    public static List<(string Path, string File)> Find(string contentRoot, string folder, List<ContentProblem> problems)
    {
        var root = RealPath(new DirectoryInfo(contentRoot));
        var found = new List<(string Path, string File)>();
        Walk(new DirectoryInfo(folder), depth: 0);
        return [.. found.OrderBy(entry => entry.File, StringComparer.Ordinal)];

        void Walk(DirectoryInfo directory, int depth)
        {
            var options = new EnumerationOptions { IgnoreInaccessible = true };
            foreach (var entry in directory.EnumerateFileSystemInfos("*", options))
            {
                var file = Relative(contentRoot, entry.FullName);
                var isArticle = entry is FileInfo && entry.Extension.Equals(ContentLoader.ArticleExtension, StringComparison.OrdinalIgnoreCase);
                if (entry.LinkTarget is not null)
                {
                    var target = SafeResolve(entry);
                    if (target is null || !target.Exists)
                    {
                        if (isArticle || entry is DirectoryInfo)
                        {
                            problems.Add(new(file, null, "the file is a link to something that does not exist"));
                        }
                    }
                    else if (!IsInside(RealPath(target), root))
                    {
                        problems.Add(new(file, null, "the file is a link to a place outside the content folder, which the site never reads"));
                    }
                    else if (target is DirectoryInfo)
                    {
                        problems.Add(new(file, null, "the folder is a link to another folder; put the files in it directly"));
                    }
                    else if (isArticle)
                    {
                        found.Add((entry.FullName, file));
                    }
                }
                else if (entry is DirectoryInfo subfolder)
                {
                    if (depth < MaxFolderDepth)
                    {
                        Walk(subfolder, depth + 1);
                    }
                    else
                    {
                        problems.Add(new(file, null,
                            $"the folder is more than {MaxFolderDepth} folders deep, so nothing in it is read; move its articles higher up"));
                    }
                }
                else if (isArticle)
                {
                    found.Add((entry.FullName, file));
                }
            }
        }
    }

    /// <summary>The file's text, or null with the reason added to <paramref name="problems"/>.</summary>
    public static string? ReadText(string path, string file, List<ContentProblem> problems)
    {
        byte[] bytes;
        try
        {
            using var stream = OpenOrdinaryFile(path);
            if (stream is null)
            {
                problems.Add(new(file, null,
                    "the file is not an ordinary file (it is a pipe, a socket or a device); the site reads ordinary files only"));
                return null;
            }

            // Read at most one byte more than allowed, so a file that grows while we read cannot get past the limit.
            bytes = new byte[Math.Min(stream.Length, MaxFileBytes) + 1];
            var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            if (read > MaxFileBytes)
            {
                problems.Add(new(file, null, "the file is larger than 1 MB; an article should be far smaller"));
                return null;
            }

            Array.Resize(ref bytes, read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new(file, null, $"the file could not be read: {ex.Message}"));
            return null;
        }

        if (UnicodeOtherThanUtf8(bytes) is { } encoding)
        {
            problems.Add(new(file, null, $"the file is saved as {encoding}; save it as UTF-8 in your editor"));
            return null;
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            problems.Add(new(file, null, "the file is not text (it looks like a picture, a document or another binary file)"));
            return null;
        }

        try
        {
            // Windows editors often start UTF-8 files with a byte order mark; it is not part of the text.
            var start = bytes.AsSpan().StartsWith(Utf8ByteOrderMark) ? Utf8ByteOrderMark.Length : 0;
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new(file, null, "the file is not UTF-8 text; save it as UTF-8 in your editor"));
            return null;
        }
    }

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>"UTF-16" or "UTF-32" when the bytes are text in one of those, by byte order mark or by the zero bytes of plain English.</summary>
    private static string? UnicodeOtherThanUtf8(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) || bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            return "UTF-32";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "UTF-16";
        }

        // Without a mark, English saved as UTF-16 has a zero in every other byte, and almost nowhere else.
        var zerosAtEven = 0;
        var zerosAtOdd = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0)
            {
                _ = i % 2 == 0 ? zerosAtEven++ : zerosAtOdd++;
            }
        }

        var pairs = bytes.Length / 2;
        var mostly = pairs * 0.4;
        var hardly = pairs * 0.05;
        return pairs > 0 && ((zerosAtOdd > mostly && zerosAtEven < hardly) || (zerosAtEven > mostly && zerosAtOdd < hardly))
            ? "UTF-16"
            : null;
    }

    /// <summary>
    /// Opens the file for reading, or returns null when it is not an ordinary file. On Unix a named pipe
    /// blocks in open() until something writes to it, so the file is opened without waiting, then checked.
    /// </summary>
    private static FileStream? OpenOrdinaryFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }

        var (nonBlocking, closeOnExec) = OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? (0x4, 0x1000000) : (0x800, 0x80000);
        var descriptor = Unix.Open(path, nonBlocking | closeOnExec);
        if (descriptor < 0)
        {
            throw new IOException(Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
        }

        var stream = new FileStream(new SafeFileHandle((IntPtr)descriptor, ownsHandle: true), FileAccess.Read, bufferSize: 0);
        // Ordinary files can seek; pipes, sockets and terminals cannot.
        if (stream.CanSeek)
        {
            return stream;
        }

        stream.Dispose();
        return null;
    }

    private static class Unix
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
#pragma warning disable SYSLIB1054, CA2101 // A plain import keeps unsafe code out of the project; the path is marshalled as UTF-8 on Unix.
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
#pragma warning restore SYSLIB1054, CA2101
    }

    /// <summary>A path as the site names files in messages: relative to the content folder, with forward slashes.</summary>
    public static string Relative(string contentRoot, string path) => Path.GetRelativePath(contentRoot, path).Replace('\\', '/');

    private static FileSystemInfo? SafeResolve(FileSystemInfo entry)
    {
        try
        {
            return entry.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException)
        {
            return null; // a loop of links
        }
    }

    /// <summary>The path with every link along it followed, so "inside the folder" means really inside.</summary>
    private static string RealPath(FileSystemInfo info)
    {
        var full = Path.GetFullPath(info.FullName);
        var parts = full.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = Path.GetPathRoot(full) ?? "/";
        foreach (var part in parts)
        {
            current = Path.Combine(current, part);
            FileSystemInfo step = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (step.LinkTarget is not null && SafeResolve(step) is { } target)
            {
                current = Path.GetFullPath(target.FullName);
            }
        }

        return current;
    }

    private static bool IsInside(string path, string root) =>
        path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
