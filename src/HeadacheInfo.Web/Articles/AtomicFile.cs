namespace HeadacheInfo.Web.Articles;

/// <summary>Writes a file in the content folder whole or not at all: a temporary file beside it, then a rename.</summary>
public static class AtomicFile
{
    /// <param name="temporaryName">A name the site never reads (no .md, a leading dot), in the target's folder.</param>
    /// <param name="overwrite">False: an existing file is never replaced, and the write fails instead.</param>
    /// <exception cref="IOException">The file could not be written; whatever was there is as it was.</exception>
    public static void Write(string target, string temporaryName, Action<string> writeTemporary, bool overwrite)
    {
        var folder = Path.GetDirectoryName(target)!;
        var temporary = Path.Combine(folder, temporaryName);
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
