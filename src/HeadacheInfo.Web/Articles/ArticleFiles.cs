using System.Text;

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
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
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

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            problems.Add(new(file, null, "the file is not text (it looks like a picture, a document or another binary file)"));
            return null;
        }

        try
        {
            var preamble = StrictUtf8.Preamble;
            var start = bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new(file, null, "the file is not UTF-8 text; save it as UTF-8 in your editor"));
            return null;
        }
    }

    private static string Relative(string contentRoot, string path) => Path.GetRelativePath(contentRoot, path).Replace('\\', '/');

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
