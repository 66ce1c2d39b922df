namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Parse results of unchanged files, so a reload after one edit parses one file rather than thousands.
/// A file counts as unchanged while its last-write time and length are the same. Not thread-safe: the
/// <see cref="ContentStore"/> uses it only inside its reload lock.
/// </summary>
public sealed class ParsedFileCache
{
    private Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private Dictionary<string, Entry> _seen = new(StringComparer.Ordinal);

    public ArticleParseResult? Find(string path, DateTime lastWriteUtc, long length)
    {
        if (_entries.TryGetValue(path, out var entry) && entry.LastWriteUtc == lastWriteUtc && entry.Length == length)
        {
            _seen[path] = entry;
            return entry.Result;
        }

        return null;
    }

    /// <summary>The last result for the file, whatever its time and length, kept for one more load.</summary>
    public ArticleParseResult? Previous(string path)
    {
        if (_entries.TryGetValue(path, out var entry))
        {
            _seen[path] = entry;
            return entry.Result;
        }

        return null;
    }

    public void Add(string path, DateTime lastWriteUtc, long length, ArticleParseResult result) =>
        _seen[path] = new Entry(lastWriteUtc, length, result);

    /// <summary>Keeps only the files seen in this load, so deleted files do not linger.</summary>
    public void EndLoad()
    {
        (_entries, _seen) = (_seen, _entries);
        _seen.Clear();
    }

    private sealed record Entry(DateTime LastWriteUtc, long Length, ArticleParseResult Result);
}
