using HeadacheInfo.Web.ContentCheck;

namespace HeadacheInfo.Web.Staff.Pictures;

/// <summary>
/// An upload from the editor made ready for the site: its safe name, and the files to keep (a photo's web
/// sizes, or a drawing as it came), or the reasons it will not do, in the checker's words with what to do.
/// </summary>
public static class PictureIntake
{
    public sealed record Result(string Name, string ContentType, IReadOnlyList<WebPhotoFile> Files, string? Problem);

    public static Result Prepare(string given, byte[] bytes)
    {
        var type = PictureRules.TypeOf(bytes);
        var name = PictureNames.Normalise(given, type);
        var ending = name[(name.LastIndexOf('.') + 1)..];
        if (bytes.LongLength > WebPhotos.MaxUploadBytes)
        {
            return Refused($"the picture '{name}' is {bytes.LongLength / 1024.0 / 1024.0:0.#} MB; a picture can be at most {WebPhotos.MaxUploadBytes / 1024 / 1024} MB. " +
                "Send a smaller copy: on a phone, share it as \"Large\" or \"Medium\" rather than \"Actual size\"");
        }

        if (bytes.AsSpan().StartsWith("GIF8"u8) || ending == "gif")
        {
            return Refused($"the picture '{name}' is a GIF; the site takes JPEG, PNG and WebP photos (and SVG drawings), and shows still pictures only. Save it as a JPEG or PNG");
        }

        if (bytes.Length >= 12 && bytes.AsSpan(4, 4).SequenceEqual("ftyp"u8) || ending is "heic" or "heif")
        {
            return Refused($"the picture '{name}' is a HEIC photo (an iPhone's own format), which browsers cannot show. " +
                "Share it from the phone as a JPEG (on an iPhone: Settings, Camera, Formats, Most Compatible), then upload it again");
        }

        if (!PictureRules.ContentTypes.ContainsKey(ending))
        {
            return Refused(type is null
                ? $"the file '{name}' is not a picture the site can show; choose a JPEG, PNG or WebP photo, or an SVG drawing"
                : $"the picture '{name}' is named .{ending}; give it the ending of what it is, .{PictureNames.Normalise("x", type)[2..]}");
        }

        if (PictureRules.TypeProblem(name, name, bytes) is { } wrongType)
        {
            return Refused(wrongType);
        }

        if (type == "image/svg+xml")
        {
            return PictureRules.ContentProblem(name, name, bytes.Length, () => bytes) is { } badDrawing
                ? Refused(badDrawing)
                : new Result(name, type, [new WebPhotoFile(name, 0, 0, bytes)], null);
        }

        try
        {
            var made = WebPhotos.Make(name, type!, bytes);
            return made.Problem is { } problem ? Refused(problem) : new Result(name, type!, made.Files, null);
        }
#pragma warning disable CA1031 // Whatever a file does to the decoder is that file's problem, told to the writer, never a failed page.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return Refused($"the picture '{name}' could not be read ({ex.GetType().Name}); save it again as a JPEG or PNG");
        }

        Result Refused(string why) => new(name, type ?? string.Empty, [], why);
    }
}
