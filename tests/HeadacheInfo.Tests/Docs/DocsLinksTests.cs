using System.Text.RegularExpressions;
using HeadacheInfo.Tests.Infrastructure;

namespace HeadacheInfo.Tests.Docs;

/// <summary>Links between the documents lead somewhere: each relative link to a file that exists, each anchor to a heading in it.</summary>
public sealed partial class DocsLinksTests
{
    [Fact]
    public void Every_relative_link_in_the_README_and_the_docs_leads_to_a_file_and_heading_that_exist()
    {
        var broken = new List<string>();
        foreach (var (name, path, text) in DocsFiles.Documents())
        {
            foreach (Match link in Link().Matches(Prose(text)))
            {
                var target = link.Groups["target"].Value;
                if (target.Length == 0 || target.StartsWith('/') || Uri.TryCreate(target, UriKind.Absolute, out _))
                {
                    continue; // a page of the site, or another site
                }

                var (file, anchor) = target.IndexOf('#') is var hash and >= 0 ? (target[..hash], target[(hash + 1)..]) : (target, null);
                var resolved = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, file));
                if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    broken.Add($"{name}: {target} (no such file)");
                }
                else if (anchor is not null && !Anchors(File.ReadAllText(resolved)).Contains(anchor))
                {
                    broken.Add($"{name}: {target} (no heading with that anchor)");
                }
            }
        }

        Assert.True(broken.Count == 0, "Broken links:\n  " + string.Join("\n  ", broken));
    }

    [Fact]
    public void The_README_stays_short_at_200_lines_or_fewer()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryFolders.Root, "README.md")).Length;

        Assert.True(lines <= 200, $"README.md is {lines} lines; move detail into docs/");
    }

    [Fact]
    public void The_sign_in_page_s_HTTPS_link_has_its_heading_in_the_operations_guide()
    {
        var operations = File.ReadAllText(Path.Combine(RepositoryFolders.Root, "docs", "operations.md"));

        Assert.Contains("https", Anchors(operations));
    }

    /// <summary>GitHub's anchors for the headings outside code: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static HashSet<string> Anchors(string markdown) =>
        [.. Heading().Matches(WithoutFences(markdown)).Select(heading =>
            NotInAnchor().Replace(heading.Groups["words"].Value.Trim().ToLowerInvariant().Replace("`", "", StringComparison.Ordinal), "").Replace(' ', '-'))];

    /// <summary>The text outside fenced blocks and inline code, where links are links.</summary>
    private static string Prose(string markdown) => InlineCode().Replace(WithoutFences(markdown), "");

    private static string WithoutFences(string markdown) => Fence().Replace(markdown, "");

    [GeneratedRegex(@"^[ \t]*```.*?^[ \t]*```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\]\((?<target>[^)\s]*)(\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6}[ \t]+(?<words>.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{N}\s_-]")]
    private static partial Regex NotInAnchor();
}
