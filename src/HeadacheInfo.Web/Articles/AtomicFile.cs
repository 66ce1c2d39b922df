namespace HeadacheInfo.Web.Articles;

/// <summary>Writes a file in the content folder whole or not at all: a temporary file beside it, then a rename.</summary>
public static class AtomicFile
{
    /// <param name="overwrite">False: an existing file is never replaced, and the write fails instead.</param>
    private static void Write(string target, Action<string> writeTemporary, bool overwrite)
    {
        var folder = Path.GetDirectoryName(target)!;
        // A leading dot and no .md: neither the article loader nor the images folder listing reads it.
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            writeTemporary(temporary);
            File.Move(temporary, target, overwrite);
        }
        catch (UnauthorizedAccessException ex)
        {
            TryDelete(temporary);
            throw new IOException(ex.Message, ex);
        }
        catch (IOException)
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes text whole or not at all, through a temporary name beside it that the site never reads.</summary>
    /// <exception cref="IOException">The file could not be written; whatever was there is as it was.</exception>
    public static void WriteAllText(string target, string text, bool overwrite) =>
        Write(target, temporary => File.WriteAllText(temporary, text), overwrite);

    /// <summary>Writes bytes whole or not at all, through a temporary name beside it that the site never reads.</summary>
    /// <exception cref="IOException">The file could not be written; whatever was there is as it was.</exception>
    public static void WriteAllBytes(string target, byte[] bytes, bool overwrite) =>
        Write(target, temporary => File.WriteAllBytes(temporary, bytes), overwrite);

    /// <summary>
    /// Writes the text under a temporary name beside the target and removes it again, changing nothing: the folder
    /// takes the file now (not read-only, not full, no folder in its place), so a publication decided after this
    /// check will be written.
    /// </summary>
    /// <exception cref="IOException">The file could not be written there.</exception>
    public static void CheckWritable(string target, string text)
    {
        if (Directory.Exists(target))
        {
            throw new IOException($"there is a folder called {Path.GetFileName(target)} where the file goes");
        }

        var folder = Path.GetDirectoryName(target)!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(temporary, text);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new IOException(ex.Message, ex);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left behind; the site never reads a temporary name.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
