using HeadacheInfo.Web.ContentCheck;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// The content folder's <c>images/</c>, which patients are served from: listed, read, and written only by an
/// approval, whole or not at all, never over a picture already there.
/// </summary>
public sealed class ContentImages(string contentRoot)
{
    public string Folder { get; } = Path.Combine(Path.GetFullPath(contentRoot), ArticlesRegistration.ContentImagesFolder);

    public bool Exists(string name) => PathOf(name) is { } path && File.Exists(path);

    /// <summary>The picture's bytes, or null when there is none by that name (or the name is not one the site serves).</summary>
    public byte[]? Read(string name)
    {
        try
        {
            return PathOf(name) is { } path && File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Every file in the folder, with its size.</summary>
    public IReadOnlyList<(string Name, long Size)> List() =>
        Directory.Exists(Folder)
            ? [.. new DirectoryInfo(Folder).EnumerateFiles().Where(f => !f.Name.StartsWith('.')).Select(f => (f.Name, f.Length)).OrderBy(f => f.Name, StringComparer.Ordinal)]
            : [];

    /// <summary>Writes a new picture whole or not at all; one already there by that name is never replaced.</summary>
    /// <exception cref="IOException">It could not be written, or a picture by that name is there already.</exception>
    public void Write(string name, byte[] bytes)
    {
        var target = PathOf(name) ?? throw new ArgumentException($"'{name}' is not a picture name the site serves", nameof(name));
        AtomicFile.WriteAllBytes(target, bytes, overwrite: false);
    }

    /// <summary>Takes back a picture this instance has just written, when the approval it was part of failed.</summary>
    public void Remove(string name)
    {
        if (PathOf(name) is { } path)
        {
            AtomicFile.TryDelete(path);
        }
    }

    // Only a valid name, so nothing outside the folder can be named ("../", a full path, a second dot).
    private string? PathOf(string name) => PictureRules.IsValidName(name) ? Path.Combine(Folder, name) : null;
}
