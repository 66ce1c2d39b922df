using System.Security.Cryptography;
using System.Text;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// What a clinician signed off, fingerprinted: the article's address and every byte of its file but the
/// review fields. An approval or a confirmation writes the fingerprint beside the reviewer; a page says it
/// was checked by a clinician only while its file still matches, so an edit made afterwards (on disk, or a
/// copy under another name) shows as not yet checked instead of borrowing the sign-off.
/// </summary>
public static class SignOff
{
    public const string FingerprintField = "review_fingerprint";

    /// <summary>The fields a sign-off writes, left out of what it fingerprints.</summary>
    public static readonly IReadOnlyList<string> ReviewFields = ["last_reviewed", "next_review", "reviewer", FingerprintField, "draft"];

    /// <summary>The rule: a reviewer is named and the text is still the one whose fingerprint the sign-off wrote.</summary>
    /// <param name="open">The line of the opening <c>---</c>; <paramref name="close"/>, of the closing one.</param>
    public static bool Holds(ArticleFrontMatter meta, string slug, string text, int open, int close) =>
        meta.Reviewer is not null && meta.ReviewFingerprint is { } fingerprint && fingerprint == Fingerprint(slug, text, open, close);

    /// <summary>Whether a file's text is signed off, from its front matter alone: nothing is rendered.</summary>
    public static bool Holds(string slug, string text)
    {
        if (FrontMatterBlock.Find(text) is not { } block)
        {
            return false;
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var meta = FrontMatterReader.Read(string.Join('\n', lines[(block.Open + 1)..block.Close]), slug, 1, 1).FrontMatter;
        return meta is not null && Holds(meta, slug, text, block.Open, block.Close);
    }

    /// <summary>The fingerprint of a file's signed-off content, or null when it has no front matter.</summary>
    public static string? Fingerprint(string slug, string text) =>
        FrontMatterBlock.Find(text) is { } block ? Fingerprint(slug, text, block.Open, block.Close) : null;

    /// <param name="open">The line (0-based, split at LF) of the opening <c>---</c>.</param>
    /// <param name="close">The line of the closing <c>---</c>.</param>
    public static string Fingerprint(string slug, string text, int open, int close)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var kept = lines.Where((line, i) => i <= open || i >= close || !ReviewFields.Any(field => line.StartsWith(field + ":", StringComparison.Ordinal)));
        var content = slug + "\n" + string.Join('\n', kept);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)).AsSpan(0, 16)).ToLowerInvariant();
    }
}
