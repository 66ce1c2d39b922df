using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Turns the YAML text of an article's front matter into <see cref="ArticleFrontMatter"/>, or into every
/// reason it cannot be used, each with the line of the file it is on.
/// </summary>
public static partial class FrontMatterReader
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <param name="yaml">The text between the two <c>---</c> lines.</param>
    /// <param name="file">The file, relative to the content folder, for problem reports.</param>
    /// <param name="firstLine">The line of the file on which the YAML text starts (1-based).</param>
    /// <param name="headerLine">The line of the opening <c>---</c>, where missing fields are reported.</param>
    public static FrontMatterResult Read(string yaml, string file, int firstLine, int headerLine)
    {
        var problems = new List<ContentProblem>();
        void Problem(Mark mark, string reason) => problems.Add(new(file, firstLine + (int)mark.Line - 1, reason));

        if (YamlNesting.TooDeep(yaml) is { } tooDeep)
        {
            return FrontMatterResult.Failed(new(file, firstLine + tooDeep.Line - 1, tooDeep.Reason));
        }

        YamlMappingNode fields;
        try
        {
            if (FirstAnchorOrAlias(yaml) is { } mark)
            {
                // Anchors and aliases let a few lines expand into millions of values; articles never need them.
                return FrontMatterResult.Failed(new(file, firstLine + (int)mark.Line - 1,
                    "the front matter uses a YAML anchor or alias ('&' or '*'); write each value out in full"));
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 1)
            {
                // A second document ('---' inside the front matter) is text one reader might show and another hide.
                return FrontMatterResult.Failed(new(file, firstLine + (int)stream.Documents[1].RootNode.Start.Line - 1,
                    "the front matter holds a second YAML document (a '---' line inside it); keep to one block of 'field: value' lines"));
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                return FrontMatterResult.Failed(new(file, headerLine,
                    "the front matter must be lines of 'field: value', such as 'title: Neck pain'"));
            }

            fields = mapping;
        }
        catch (YamlException ex)
        {
            return FrontMatterResult.Failed(new(file, firstLine + (int)ex.Start.Line - 1,
                $"the front matter is not valid YAML: {DescribeYamlError(ex)}"));
        }
#pragma warning disable CA1031 // Any failure of the YAML library on a text is that text's problem, never a page's.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            // YamlDotNet throws more than YamlException on some broken texts (an InvalidOperationException, say).
            return FrontMatterResult.Failed(new(file, headerLine, "the front matter is not valid YAML: it could not be read; check its brackets, quotes and colons"));
        }

        var builder = new Builder();
        foreach (var (keyNode, valueNode) in fields.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (builder.Set(key, valueNode) is { } error)
            {
                Problem(keyNode.Start, error);
                builder.Rejected.Add(key);
            }
        }

        foreach (var missing in builder.MissingRequiredFields())
        {
            problems.Add(new(file, headerLine, $"the required field '{missing}' is missing"));
        }

        return problems.Count > 0
            ? new FrontMatterResult(null, [.. problems])
            : new FrontMatterResult(builder.Build() with { CategoryLine = builder.CategoryMark is { } at ? firstLine + (int)at.Line - 1 : null }, []);
    }

    private static Mark? FirstAnchorOrAlias(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        while (parser.MoveNext())
        {
            if (parser.Current is AnchorAlias || parser.Current is NodeEvent { Anchor.IsEmpty: false })
            {
                return parser.Current.Start;
            }
        }

        return null;
    }

    private static string DescribeYamlError(YamlException ex)
    {
        // YamlDotNet prefixes its messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; we report the line ourselves.
        var message = LocationPrefix().Replace(ex.Message, string.Empty).Trim();
        return message.Length > 0 ? message : "it could not be read";
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex LocationPrefix();

    /// <summary>Collects field values one by one, then says which required ones never came.</summary>
    private sealed class Builder
    {
        private string? _title;
        private string? _summary;
        private ArticleCategory? _category;

        /// <summary>Where <c>category:</c> is, for a category the site's list turns out not to hold.</summary>
        public Mark? CategoryMark { get; private set; }
        private int? _order;
        private DateOnly? _lastReviewed;
        private DateOnly? _nextReview;
        private string? _author;
        private string? _reviewer;
        private string? _reviewFingerprint;
        private ImmutableArray<string> _references = [];
        private ImmutableArray<ArticleChange> _changes = [];
        private ImmutableArray<string> _suits = [];
        private bool _draft;

        public string? Set(string key, YamlNode value) => key switch
        {
            ArticleFields.Title => Text(key, value, v => _title = v),
            ArticleFields.Summary => Text(key, value, v => _summary = v),
            ArticleFields.Author => Text(key, value, v => _author = v),
            ArticleFields.Reviewer => Text(key, value, v => _reviewer = v),
            ArticleFields.ReviewFingerprint => Text(key, value, v => _reviewFingerprint = v),
            ArticleFields.Category => Category(value),
            ArticleFields.Order => WholeNumber(key, value),
            ArticleFields.LastReviewed => Date(key, value, v => _lastReviewed = v),
            ArticleFields.NextReview => Date(key, value, v => _nextReview = v),
            ArticleFields.References => References(value),
            ArticleFields.Suits => Suits(value),
            ArticleFields.Changes => Changes(value),
            ArticleFields.Draft => TrueOrFalse(key, value),
            "" => "every line of the front matter needs a field name before the ':'",
            _ => $"unknown field '{key}'; the fields are {string.Join(", ", ArticleFields.All)}",
        };

        /// <summary>Fields whose value was wrong; already reported, so not reported again as missing.</summary>
        public HashSet<string> Rejected { get; } = new(StringComparer.Ordinal);

        public IEnumerable<string> MissingRequiredFields()
        {
            (string Key, bool Present)[] required =
            [
                (ArticleFields.Title, _title is not null),
                (ArticleFields.Summary, _summary is not null),
                (ArticleFields.Category, _category is not null),
                (ArticleFields.LastReviewed, _lastReviewed is not null),
                (ArticleFields.NextReview, _nextReview is not null),
            ];
            return required.Where(f => !f.Present && !Rejected.Contains(f.Key)).Select(f => f.Key);
        }

        public ArticleFrontMatter Build() => new(
            _title!, _summary!, _category!, _order, _lastReviewed!.Value, _nextReview!.Value,
            _author, _reviewer, _references, _draft, _reviewFingerprint) { Changes = _changes, Suits = _suits };

        private static string? Scalar(YamlNode node) =>
            node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        private static string? Text(string key, YamlNode value, Action<string> assign)
        {
            if (value is not YamlScalarNode)
            {
                return $"'{key}' must be plain text, not a list";
            }

            if (Scalar(value) is { } text)
            {
                assign(text);
                return null;
            }

            // An empty value is reported as missing for required fields and ignored for optional ones.
            return null;
        }

        private string? Category(YamlNode value)
        {
            var key = Scalar(value);
            if (key is null)
            {
                return value is YamlScalarNode ? null : "'category' must be one word, not a list";
            }

            // Checked against the site's list after parsing (ArticleCategories.Bind): the list is data that changes.
            _category = ArticleCategory.Named(key);
            CategoryMark = value.Start;
            return null;
        }

        private string? WholeNumber(string key, YamlNode value)
        {
            var text = Scalar(value);
            if (text is null)
            {
                return value is YamlScalarNode ? null : $"'{key}' must be a whole number, such as 1";
            }

            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return $"'{key}' must be a whole number, such as 1, not '{text}'";
            }

            _order = number;
            return null;
        }

        private static string? Date(string key, YamlNode value, Action<DateOnly> assign)
        {
            var text = Scalar(value);
            if (text is null)
            {
                return value is YamlScalarNode ? null : $"'{key}' must be a date written {DateFormat}";
            }

            if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return $"'{key}' must be a real date written {DateFormat}, such as 2026-03-31, not '{text}'";
            }

            assign(date);
            return null;
        }

        private string? References(YamlNode value)
        {
            if (value is YamlScalarNode scalar && Scalar(scalar) is null)
            {
                return null;
            }

            if (value is not YamlSequenceNode list)
            {
                return "'references' must be a list, one reference per line starting with '- '";
            }

            var references = ImmutableArray.CreateBuilder<string>();
            foreach (var item in list.Children)
            {
                if (Scalar(item) is not { } reference)
                {
                    return "each item under 'references' must be one line of text";
                }

                references.Add(reference);
            }

            _references = references.ToImmutable();
            return null;
        }

        /// <summary>A list of result keys, one line each, or one key on its own; each must be a result the check gives.</summary>
        private string? Suits(YamlNode value)
        {
            var known = string.Join(", ", SymptomCheck.ResultSituation.All.Select(s => s.Key));
            if (value is YamlScalarNode scalar && Scalar(scalar) is null)
            {
                return null;
            }

            IEnumerable<YamlNode> items = value switch
            {
                YamlSequenceNode list => list.Children,
                YamlScalarNode one => [one],
                _ => [],
            };
            if (value is YamlMappingNode)
            {
                return $"'suits' must be a list of results, such as [gp, physio]; the results are {known}";
            }

            var suits = ImmutableArray.CreateBuilder<string>();
            foreach (var item in items)
            {
                if (Scalar(item) is not { } key)
                {
                    return $"each item under 'suits' must be one result; the results are {known}";
                }

                if (SymptomCheck.ResultSituation.FromKey(key) is null)
                {
                    return $"unknown result '{key}' under 'suits'; use one of {known}";
                }

                if (!suits.Contains(key))
                {
                    suits.Add(key);
                }
            }

            _suits = suits.ToImmutable();
            return null;
        }

        /// <summary>The change log: a list of <c>date:</c> and <c>note:</c> pairs, each note one short line.</summary>
        private string? Changes(YamlNode value)
        {
            const string Shape = "'changes' must be a list of changes, each with 'date: YYYY-MM-DD' and 'note: what changed, for readers'";
            if (value is YamlScalarNode scalar && Scalar(scalar) is null)
            {
                return null;
            }

            if (value is not YamlSequenceNode list)
            {
                return Shape;
            }

            if (list.Children.Count > ArticleChanges.MaxEntries)
            {
                return $"'changes' may hold {ArticleChanges.MaxEntries} changes at most";
            }

            var changes = ImmutableArray.CreateBuilder<ArticleChange>();
            foreach (var item in list.Children)
            {
                if (item is not YamlMappingNode entry || entry.Children.Count != 2 ||
                    !entry.Children.TryGetValue(new YamlScalarNode("date"), out var dateNode) ||
                    !entry.Children.TryGetValue(new YamlScalarNode("note"), out var noteNode) ||
                    Scalar(dateNode) is not { } dateText || Scalar(noteNode) is not { } note)
                {
                    return Shape;
                }

                if (!DateOnly.TryParseExact(dateText, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return $"each date under 'changes' must be a real date written {DateFormat}, not '{dateText}'";
                }

                if (ArticleChanges.Problem(note) is { } problem)
                {
                    return $"a note under 'changes': {problem}";
                }

                changes.Add(new ArticleChange(date, note));
            }

            _changes = changes.ToImmutable();
            return null;
        }

        private string? TrueOrFalse(string key, YamlNode value)
        {
            switch (Scalar(value)?.ToLowerInvariant())
            {
                case null when value is YamlScalarNode:
                    return null;
                case "true":
                    _draft = true;
                    return null;
                case "false":
                    _draft = false;
                    return null;
                default:
                    return $"'{key}' must be true or false";
            }
        }
    }
}
