using System.IO.Compression;

namespace HeadacheInfo.Web.Mirror;

/// <summary>One file the mirror holds: where (relative, with '/'), what it came from, and its bytes when they are needed.</summary>
/// <param name="Source">What the bytes were made from: the same one (a page reused by the pre-renderer, a file unchanged) needs no write.</param>
internal sealed record MirrorEntry(string RelativePath, object Source, Func<byte[]> Bytes);

/// <summary>What one pass over the mirror did.</summary>
internal sealed record MirrorWrite(int Written, int Removed, int Unchanged);

/// <summary>
/// The mirror folder, written file by file, each whole or not at all (a temporary name beside it, then a rename): a
/// reader never gets half a page. New and changed files go in first and what was taken down goes last, so a page
/// never links to a file already gone. Files are readable by everyone (nginx runs as another user) whatever the
/// service's umask: they are the public pages.
/// </summary>
internal sealed class StaticMirror(string path)
{
    private readonly string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    /// <summary>Marks a folder as a mirror the site wrote: the mirror removes what it does not list, so it must be its own.</summary>
    public const string Marker = ".headacheinfo-mirror";

    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode FolderMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private readonly Dictionary<string, object> _sources = new(StringComparer.Ordinal);

    public string Root => root;

    /// <summary>Where a page's address is kept, as nginx's <c>try_files $uri/index.html $uri</c> looks for it:
    /// <c>/</c> is <c>index.html</c>, <c>/articles/neck</c> is <c>articles/neck/index.html</c>, <c>/sitemap.xml</c> is itself.</summary>
    public static string FileFor(string pagePath)
    {
        var trimmed = pagePath.Trim('/');
        return trimmed.Length == 0 ? "index.html"
            : Path.GetExtension(trimmed.AsSpan(trimmed.LastIndexOf('/') + 1)).Length > 0 ? trimmed
            : trimmed + "/index.html";
    }

    /// <summary>Whether a folder is empty or a mirror already (its marker is there).</summary>
    public static bool IsOwnFolder(string folder) =>
        !Directory.Exists(folder) || File.Exists(Path.Combine(folder, Marker)) || !Directory.EnumerateFileSystemEntries(folder).Any();

    /// <summary>The folder made readable to nginx, and marked as the mirror's.</summary>
    public void Prepare()
    {
        Directory.CreateDirectory(root);
        SetMode(root, FolderMode);
        var marker = Path.Combine(root, Marker);
        if (!File.Exists(marker))
        {
            File.WriteAllBytes(marker, []);
        }
    }

    /// <summary>Makes the folder hold exactly these files, in this order, then removes every other.</summary>
    /// <exception cref="IOException">A file could not be written or removed; what was written stays, and the next pass finishes.</exception>
    public MirrorWrite Write(IEnumerable<MirrorEntry> entries)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        int written = 0, unchanged = 0, removed = 0;
        foreach (var entry in entries)
        {
            if (!wanted.Add(entry.RelativePath))
            {
                continue;
            }

            var full = FullPath(entry.RelativePath);
            if (_sources.TryGetValue(entry.RelativePath, out var was) && Same(was, entry.Source) && File.Exists(full))
            {
                unchanged++;
                continue;
            }

            var bytes = entry.Bytes();
            if (HasBytes(full, bytes))
            {
                unchanged++;
            }
            else
            {
                WriteWhole(full, bytes);
                written++;
            }

            _sources[entry.RelativePath] = entry.Source;
        }

        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToList())
        {
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative == Marker || wanted.Contains(relative))
            {
                continue;
            }

            File.Delete(file);
            _sources.Remove(relative);
            removed++;
        }

        RemoveEmptyFolders(root);
        return new MirrorWrite(written, removed, unchanged);
    }

    /// <summary>Gzip, for the <c>.gz</c> beside a file that nginx's <c>gzip_static</c> sends to readers who take it.</summary>
    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static bool Same(object was, object now) => ReferenceEquals(was, now) || was.Equals(now);

    private string FullPath(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        // Names come from routes and the pictures folder; none may reach outside the mirror.
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new IOException($"'{relative}' is outside the mirror folder");
    }

    private static bool HasBytes(string file, byte[] bytes)
    {
        var info = new FileInfo(file);
        return info.Exists && info.Length == bytes.Length && File.ReadAllBytes(file).AsSpan().SequenceEqual(bytes);
    }

    private void WriteWhole(string target, byte[] bytes)
    {
        var folder = Path.GetDirectoryName(target)!;
        MakeFolder(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            SetMode(temporary, FileMode);
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private void MakeFolder(string folder)
    {
        if (Directory.Exists(folder) || folder.Length <= root.Length)
        {
            return;
        }

        MakeFolder(Path.GetDirectoryName(folder)!);
        Directory.CreateDirectory(folder);
        SetMode(folder, FolderMode);
    }

    private static void RemoveEmptyFolders(string folder)
    {
        foreach (var child in Directory.EnumerateDirectories(folder).ToList())
        {
            RemoveEmptyFolders(child);
            if (!Directory.EnumerateFileSystemEntries(child).Any())
            {
                Directory.Delete(child);
            }
        }
    }

    private static void SetMode(string target, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(target, mode);
        }
    }

    /// <summary>A pre-rendered page as a source: the same page only when it is the very same object.</summary>
    internal sealed record Page(object Rendered, bool Compressed)
    {
        public bool Equals(Page? other) => other is not null && ReferenceEquals(Rendered, other.Rendered) && Compressed == other.Compressed;

        public override int GetHashCode() => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Rendered), Compressed);
    }
}
