using System.Text.RegularExpressions;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.ContentCheck;

namespace HeadacheInfo.Web.Staff.SiteSettings;

/// <summary>What the site settings page typed, before it is checked.</summary>
public sealed record SiteSettingsInput(
    string? ClinicName, string? AccentColour, string? Phone, string? BookingUrl, string? PostalAddress, string? OpeningHours);

/// <summary>
/// The one set of rules for site settings: for what an admin types and for a settings file read from the content
/// folder. Every value is shown to patients, so one-line fields hold one plain line (<see cref="PlainLine"/>),
/// the longer ones plain lines, the colour passes <see cref="AccentColours"/> and the logo is checked as every
/// picture is (<see cref="PictureRules"/>), as a PNG or an SVG drawing only.
/// </summary>
public static partial class SiteSettingsRules
{
    public const int MaxName = 100;
    public const int MaxUrl = 500;
    public const int MaxLines = 400;
    public const string LogoStem = "clinic-logo";

    /// <summary>The settings these values make, or the problems, each a sentence saying what to do.</summary>
    public static (SiteSettings? Settings, IReadOnlyList<string> Problems) Check(SiteSettingsInput input, string? logo)
    {
        var problems = new List<string>();
        var name = OneLine("The clinic name", input.ClinicName, MaxName, problems);
        if (name is null && problems.Count == 0)
        {
            problems.Add("Enter the clinic's name, such as \"Riverside Physiotherapy\".");
        }

        var accent = AccentColours.Normalise(input.AccentColour);
        if (accent is null)
        {
            problems.Add("Enter the accent colour as a hex colour: # and six digits or letters a to f, such as #00548f.");
        }
        else if (AccentColours.Failures(accent) is { Count: > 0 } failures)
        {
            var nearest = AccentColours.Nearest(accent);
            problems.Add($"The accent colour {accent} is too light to read: {string.Join("; ", failures.Select(f => $"{f.Place} {f.Contrast:0.0}:1"))} " +
                $"(WCAG 2.2 AA needs {AccentColours.MinimumContrast}:1). The nearest colour that passes everywhere is {nearest}.");
        }

        var phone = OneLine("The phone number", input.Phone, 20, problems);
        if (phone is not null && !Phone().IsMatch(phone))
        {
            problems.Add("Enter the phone number as digits and spaces, such as 0161 555 0100, or leave it empty.");
            phone = null;
        }

        var booking = OneLine("The booking address", input.BookingUrl, MaxUrl, problems);
        if (booking is not null && !(Uri.TryCreate(booking, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host)))
        {
            problems.Add("Enter the booking address as a full web address starting with https://, such as https://clinic.example/book, or leave it empty.");
            booking = null;
        }

        var postal = Lines("The postal address", input.PostalAddress, problems);
        var hours = Lines("The opening hours", input.OpeningHours, problems);
        if (logo is not null && !PictureRules.IsValidName(logo))
        {
            problems.Add("The logo's file name is not one the site serves.");
        }

        return problems.Count > 0
            ? (null, problems)
            : (new SiteSettings
            {
                ClinicName = name!, AccentColour = accent!, Phone = phone, BookingUrl = booking, PostalAddress = postal, OpeningHours = hours, Logo = logo,
            }, []);
    }

    /// <summary>The most a settings file may hold; far more than any clinic's settings and categories need.</summary>
    public const int MaxFileBytes = 64 * 1024;

    /// <summary>
    /// A settings file's values (the categories left to <see cref="ArticleCategories.Read"/>), or why it will not do:
    /// the same rules as the page's, for a file edited by hand or brought in by <c>import-content</c>.
    /// </summary>
    public static (SiteSettings? Settings, IReadOnlyList<string> Problems) ReadFile(string text)
    {
        var read = text.Length <= MaxFileBytes ? SiteSettings.FromJson(text) : null;
        if (read is null)
        {
            return (null, [text.Length > MaxFileBytes ? $"it is larger than {MaxFileBytes / 1024} KB" : "it is not a settings file this version can read"]);
        }

        var (settings, problems) = Check(new(read.ClinicName, read.AccentColour, read.Phone, read.BookingUrl, read.PostalAddress, read.OpeningHours), read.Logo);
        if (read.Categories is { } categories)
        {
            problems = [.. problems, .. ArticleCategories.Check([.. categories]).Problems];
        }

        return problems.Count > 0 ? (null, problems) : (settings, []);
    }

    /// <summary>The logo's file name in <c>images/</c> (named by its content, so a new logo is a new address), or why the file will not do.</summary>
    public static (string? Name, string? Problem) Logo(byte[] bytes)
    {
        if (bytes.Length > PictureRules.MaxBytes)
        {
            return (null, $"The logo is {bytes.Length / 1024} KB; choose one under {PictureRules.MaxBytes / 1024} KB (a logo for a header is usually under 20 KB).");
        }

        var extension = PictureRules.TypeOf(bytes) switch
        {
            "image/png" => "png",
            "image/svg+xml" => "svg",
            _ => null,
        };
        if (extension is null)
        {
            return (null, "The logo must be a PNG picture or an SVG drawing; this file is neither. Save it as a PNG or an SVG and choose it again.");
        }

        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes).AsSpan(0, 5)).ToLowerInvariant();
        var name = $"{LogoStem}-{hash}.{extension}";
        return PictureRules.ContentProblem("logo", name, bytes.Length, () => bytes) is { } problem
            ? (null, "The logo will not do: " + problem + ".")
            : (name, null);
    }

    private static string? OneLine(string label, string? value, int max, List<string> problems)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal))
        {
            problems.Add($"{label} must be one line: take out the line breaks.");
            return null;
        }

        if (PlainLine.FirstHidden(text) is { } hidden)
        {
            problems.Add(PlainLine.Problem(label, hidden));
            return null;
        }

        if (text.Length > max)
        {
            problems.Add($"{label} is {text.Length:N0} characters long; keep it to {max} or fewer.");
            return null;
        }

        return text;
    }

    /// <summary>A few plain lines (an address, opening hours): each line plain, the whole short, blank lines dropped.</summary>
    private static string? Lines(string label, string? value, List<string> problems)
    {
        var text = value?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > MaxLines)
        {
            problems.Add($"{label} is {text.Length:N0} characters long; keep it to {MaxLines} or fewer.");
            return null;
        }

        var lines = text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        if (lines.Count > 10)
        {
            problems.Add($"{label} has {lines.Count} lines; keep it to 10 or fewer.");
            return null;
        }

        foreach (var line in lines)
        {
            if (PlainLine.FirstHidden(line) is { } hidden)
            {
                problems.Add(PlainLine.Problem(label, hidden));
                return null;
            }
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(ClinicOptions.PhonePattern)]
    private static partial Regex Phone();
}
