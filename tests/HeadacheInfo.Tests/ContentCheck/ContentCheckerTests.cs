using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Clinic;
using HeadacheInfo.Web.ContentCheck;
using HeadacheInfo.Web.SymptomCheck;

namespace HeadacheInfo.Tests.ContentCheck;

/// <summary>Each kind of error and warning, on a small fixture folder.</summary>
public sealed class ContentCheckerTests : IDisposable
{
    // Plain prose long enough to pass the word count: 64 sentences of 6 words.
    private static readonly string PlainProse =
        string.Join(' ', Enumerable.Repeat("Your neck can feel stiff today.", 64));

    private readonly TemporaryContentFolder _content = new();

    public void Dispose() => _content.Dispose();

    private static string Article(
        string body = "", string title = "Sample", string lastReviewed = "2026-06-01", string nextReview = "2027-06-01",
        string summary = "A short summary.") =>
        $"""
        ---
        title: {title}
        summary: {summary}
        category: signs
        last_reviewed: {lastReviewed}
        next_review: {nextReview}
        ---

        ## Start here

        {PlainProse}

        {body}
        """;

    private FileCheck Check(string fileName, string text, params (string Name, string Text)[] others)
    {
        _content.Write(fileName, text);
        foreach (var (name, otherText) in others)
        {
            _content.Write(name, otherText);
        }

        var checker = new ContentChecker(
            new ContentLoader(new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions())), TimeProvider.System),
            FixedTime.On(2026, 11, 24),
            new ClinicOptions());
        return checker.Check(_content.Root).Files.Single(f => f.File == $"articles/{fileName}");
    }

    private static CheckFinding Only(FileCheck file, FindingSeverity severity) =>
        Assert.Single(file.Findings, f => f.Severity == severity);

    [Fact]
    public void Clean_article_has_no_findings_and_shows_its_grade()
    {
        var file = Check("clean.md", Article());

        Assert.Empty(file.Findings);
        Assert.NotNull(file.Grade);
        Assert.True(file.Grade.Grade <= ContentChecker.TargetGrade);
    }

    [Fact]
    public void A_file_the_site_would_leave_out_is_an_error_with_its_line()
    {
        var error = Only(Check("broken.md", Article().Replace("category: signs", "category: cures", StringComparison.Ordinal)), FindingSeverity.Error);

        Assert.Equal(4, error.Line);
        Assert.Contains("unknown category 'cures'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_checker_accepts_exactly_the_categories_the_site_settings_hold()
    {
        File.WriteAllText(Path.Combine(_content.Root, HeadacheInfo.Web.Staff.SiteSettings.SiteSettings.FileName), """
            { "ClinicName": "Riverside", "AccentColour": "#00548f",
              "Categories": [ { "Key": "signs", "Name": "Signs", "Description": "What you notice." },
                              { "Key": "work-and-posture", "Name": "Work and posture", "Description": "Desks and screens." } ] }
            """);

        Assert.Empty(Check("new-category.md", Article().Replace("category: signs", "category: work-and-posture", StringComparison.Ordinal)).Findings);
        var error = Only(Check("retired.md", Article().Replace("category: signs", "category: causes", StringComparison.Ordinal)), FindingSeverity.Error);
        Assert.Equal(4, error.Line);
        Assert.Contains("unknown category 'causes'; use one of signs, work-and-posture", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_settings_file_with_categories_that_will_not_do_is_an_error_naming_the_file()
    {
        File.WriteAllText(Path.Combine(_content.Root, HeadacheInfo.Web.Staff.SiteSettings.SiteSettings.FileName), """
            { "Categories": [ { "Key": "Not A Slug", "Name": "Signs", "Description": "x" } ] }
            """);
        _content.Write("clean.md", Article());

        var report = new ContentChecker(
            new ContentLoader(new ArticleParser(ArticleMarkdown.CreatePipeline(new ClinicOptions())), TimeProvider.System),
            FixedTime.On(2026, 11, 24), new ClinicOptions()).Check(_content.Root);

        var settings = Assert.Single(report.Files, f => f.File == HeadacheInfo.Web.Staff.SiteSettings.SiteSettings.FileName);
        Assert.Contains(settings.Findings, f => f.Severity == FindingSeverity.Error && f.Message.Contains("the id must be", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[gone](/articles/no-such-article)", "there is no article called 'no-such-article'")]
    [InlineData("[gone](/articles/other#no-such-heading)", "the article 'other' has no heading with the anchor '#no-such-heading'")]
    [InlineData("[gone](#no-such-heading)", "there is no heading with that anchor in this article")]
    [InlineData("[relative](other.md)", "write links to other articles as /articles/name")]
    [InlineData("[nowhere](/no-such-page)", "there is no such page on this site")]
    [InlineData("[staff](/staff)", "there is no such page on this site")]
    [InlineData("[staff](/staff/sign-in)", "there is no such page on this site")]
    [InlineData("[error](/error)", "there is no such page on this site")]
    [InlineData("[status](/status/404)", "there is no such page on this site")]
    [InlineData("[home](/Index)", "there is no such page on this site")]
    [InlineData("[bad](javascript:alert(1))", "script and data links are not allowed")]
    public void Broken_link_is_an_error_on_its_line(string link, string message)
    {
        var file = Check("linking.md", Article($"See {link} for more."), ("other.md", Article(title: "Other")));

        var error = Only(file, FindingSeverity.Error);
        Assert.Equal(13, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[other](/articles/other)")]
    [InlineData("[other](/articles/other#start-here)")]
    [InlineData("[here](#start-here)")]
    [InlineData("[check](/symptom-check)")]
    [InlineData("[all](/articles)")]
    [InlineData("[home](/)")]
    [InlineData("[how](/symptom-check/how-it-works)")]
    [InlineData("[diary](/headache-diary/)")]
    [InlineData("[search](/search)")]
    [InlineData("[NHS](https://www.nhs.uk/conditions/headaches/)")]
    [InlineData("[call](tel:01234567890)")] // a help number in a tel: link is an error since clinical round 2 (A_help_number_disguised_in_the_markdown_is_still_an_error)
    public void Working_link_is_not_reported(string link)
    {
        var file = Check("linking.md", Article($"See {link} for more."), ("other.md", Article(title: "Other")));

        Assert.Empty(file.Findings);
    }

    [Fact]
    public void Missing_image_is_an_error()
    {
        var error = Only(Check("pictures.md", Article("![A neck stretch](/images/stretch.png)")), FindingSeverity.Error);

        Assert.Equal(13, error.Line);
        Assert.Contains("is missing: there is no file images/stretch.png", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_without_alt_text_is_an_error()
    {
        Directory.CreateDirectory(Path.Combine(_content.Root, "images"));
        File.WriteAllBytes(Path.Combine(_content.Root, "images", "stretch.png"), TestPictures.Png());

        var error = Only(Check("pictures.md", Article("![](/images/stretch.png)")), FindingSeverity.Error);

        Assert.Contains("has no alt text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Present_image_with_alt_text_is_fine()
    {
        Directory.CreateDirectory(Path.Combine(_content.Root, "images"));
        File.WriteAllBytes(Path.Combine(_content.Root, "images", "stretch.png"), TestPictures.Png());

        Assert.Empty(Check("pictures.md", Article("![A gentle neck stretch](/images/stretch.png)")).Findings);
    }

    [Fact]
    public void Image_from_another_website_is_an_error()
    {
        var error = Only(Check("pictures.md", Article("![A stretch](https://example.com/stretch.png)")), FindingSeverity.Error);

        Assert.Contains("is on another website", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_review_before_last_reviewed_is_an_error()
    {
        var error = Only(Check("dates.md", Article(lastReviewed: "2026-10-01", nextReview: "2026-09-01")), FindingSeverity.Error);

        Assert.Contains("next_review (2026-09-01) is before last_reviewed (2026-10-01)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_care_card_is_an_error_naming_the_kinds()
    {
        var error = Only(Check("cards.md", Article("::: warning\nTake care.\n:::")), FindingSeverity.Error);

        Assert.Equal(13, error.Line);
        Assert.Contains("unknown care card '::: warning'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'::: emergency', '::: urgent', '::: info'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Known_care_cards_are_fine()
    {
        var file = Check("cards.md", Article("::: emergency\nCall now.\n:::\n\n::: urgent\nCall today.\n:::\n\n::: info\nGood.\n:::"));

        Assert.Empty(file.Findings);
    }

    [Theory]
    [InlineData("2026-06-01", "2026-11-01", "review is overdue: next_review was 2026-11-01")]
    [InlineData("2026-06-01", "2026-12-10", "review is due within 30 days: next_review is 2026-12-10")]
    public void Review_dates_near_or_past_are_warnings(string lastReviewed, string nextReview, string message)
    {
        var warning = Only(Check("review.md", Article(lastReviewed: lastReviewed, nextReview: nextReview)), FindingSeverity.Warning);

        Assert.Equal(message, warning.Message);
    }

    [Fact]
    public void Hard_prose_is_a_reading_grade_warning()
    {
        var hard = "Cervicogenic headache, a secondary headache disorder attributable to musculoskeletal " +
            "dysfunction of the upper cervical spine, is characteristically unilateral and provoked by sustained " +
            "neck postures, particularly in individuals with occupational ergonomic exposures.";
        var file = Check("hard.md", Article(string.Join("\n\n", Enumerable.Repeat(hard, 30))));

        var warning = Only(file, FindingSeverity.Warning);
        Assert.Contains("is above the target of 8.0", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_summary_is_a_warning()
    {
        var warning = Only(Check("summary.md", Article(summary: new string('a', 161))), FindingSeverity.Warning);

        Assert.Contains("the summary is 161 characters", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_words_is_a_warning()
    {
        var warning = Only(Check("short.md", "---\ntitle: Short\nsummary: Short.\ncategory: signs\nlast_reviewed: 2026-06-01\nnext_review: 2027-06-01\n---\n\nToo short.\n"), FindingSeverity.Warning);

        Assert.Contains("2 words is short", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_words_is_a_warning()
    {
        var warning = Only(Check("long.md", Article(string.Join("\n\n", Enumerable.Repeat(PlainProse, 4)))), FindingSeverity.Warning);

        Assert.Contains("words is long", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Call 999 now.", "emergency-number")]
    [InlineData("Ring NHS 111 for advice.", "urgent-advice-name")]
    [InlineData("Or ring 111.", "urgent-advice-number")]
    public void A_help_line_written_out_is_an_error_naming_the_placeholder(string sentence, string placeholder)
    {
        // An error since round 2 of the clinical review: a number that does not work where the reader is must not be published.
        var file = Check("numbers.md", Article($"## Help\n\n{sentence}"));

        var error = Assert.Single(file.Findings, f => f.Severity == FindingSeverity.Error && f.Message.Contains("written out", StringComparison.Ordinal));
        Assert.Contains("{{" + placeholder + "}}", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    [Theory]
    [InlineData("Call `999` now.")]
    [InlineData("Call 9**99** now.")]
    [InlineData("Call &#57;99 now.")]
    [InlineData("Call <tel:999> now.")]
    [InlineData("[Call an ambulance](tel:999) now.")]
    [InlineData("Call 9\u200B99 now.")]
    [InlineData("Call \uFF19\uFF19\uFF19 now.")]
    public void A_help_number_disguised_in_the_markdown_is_still_an_error(string sentence)
    {
        var file = Check("disguised.md", Article($"## Help\n\n{sentence}"));

        var error = Assert.Single(file.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Contains("'999' is written out", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    [Theory]
    [InlineData("::: info\nSee your GP in the next few days if you have a sudden, very bad headache that was at its worst within 5 minutes.\n:::", "thunderclap")]
    [InlineData("::: info\nIF YOU HAVE NEW NUMBNESS OR WEAKNESS IN AN ARM OR LEG THAT HAS NOT GONE AWAY, rest.\n:::", "limb-numbness")]
    [InlineData("::: info\nYou   feel  very\nunwell? Rest at home.\n:::", "very-unwell")]
    public void A_sign_written_into_a_sentence_in_any_case_or_spacing_is_still_held_to_its_tier(string body, string id)
    {
        var file = Check("sentence.md", Article($"## Signs\n\n{body}"));

        Assert.Contains(file.Findings, f => f.Severity == FindingSeverity.Error && f.Message.Contains($"'{id}'", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string, string> SignsInTheWrongCard => new()
    {
        // sign id, the card it is put in ("" for none), the body, what the message must name
        { "thunderclap", "info", ":::", "'::: info' card" },
        { "thunderclap", "urgent", ":::", "'::: urgent' card" },
        { "thunderclap", "", "", "outside any care card" },
        { "limb-numbness", "info", ":::", "'::: info' card" },
        { "limb-numbness", "emergency", ":::", "'::: emergency' card" },
        { "throbbing", "emergency", ":::", "'::: emergency' card" },
        { "throbbing", "urgent", ":::", "'::: urgent' card" },
    };

    [Theory]
    [MemberData(nameof(SignsInTheWrongCard))]
    public void A_sign_in_a_card_of_another_tier_is_an_error_naming_the_sign_its_tier_and_the_card(string id, string card, string close, string where)
    {
        var sign = HeadacheInfo.Web.SymptomCheck.SignCatalog.Find(id)!;
        var body = card.Length == 0 ? $"## Signs\n\n{sign.Label}." : $"## Signs\n\n::: {card}\n- {sign.Label}\n{close}";

        var file = Check("tiers.md", Article(body));

        var error = Assert.Single(file.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Contains($"'{id}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(where, error.Message, StringComparison.Ordinal);
        Assert.Matches("an emergency|urgent|for a GP or physiotherapist", error.Message);
        Assert.NotNull(error.Line);
    }

    [Theory]
    [InlineData("thunderclap", "emergency")]
    [InlineData("limb-numbness", "urgent")]
    [InlineData("throbbing", "info")]
    [InlineData("throbbing", "")]
    public void A_sign_in_a_card_of_its_own_tier_passes(string id, string card)
    {
        var sign = HeadacheInfo.Web.SymptomCheck.SignCatalog.Find(id)!;
        var body = card.Length == 0 ? $"## Signs\n\n{sign.Label}." : $"## Signs\n\n::: {card}\n- {sign.Label}\n:::";

        Assert.DoesNotContain(Check("tiers.md", Article(body)).Findings, f => f.Severity == FindingSeverity.Error);
    }

    [Fact]
    public void A_sign_split_over_two_lines_or_in_bold_is_still_found()
    {
        var words = HeadacheInfo.Web.SymptomCheck.SignCatalog.Find("thunderclap")!.Label.Split(' ');
        var split = string.Join(' ', words[..4]) + "\n**" + string.Join(' ', words[4..]) + "**";

        var file = Check("split.md", Article($"## Signs\n\n::: info\n{split}\n:::"));

        Assert.Contains(file.Findings, f => f.Severity == FindingSeverity.Error && f.Message.Contains("'thunderclap'", StringComparison.Ordinal));
    }

    [Fact]
    public void Double_vision_outside_an_emergency_card_is_an_error()
    {
        var file = Check("eyes.md", Article("## Eyes\n\n::: urgent\nDouble vision with a headache.\n:::"));

        var error = Assert.Single(file.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Contains("double vision", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_urgent_help_article_must_list_every_sign_that_needs_help_soon()
    {
        var file = Check("when-to-get-urgent-help.md", Article("::: emergency\n- A sudden, very bad headache that was at its worst within 5 minutes\n:::")
            .Replace("category: signs", "category: signs\nsuits: [emergency]", StringComparison.Ordinal));

        var missing = file.Findings.Where(f => f.Severity == FindingSeverity.Error && f.Message.Contains("is missing", StringComparison.Ordinal)).ToList();
        Assert.Contains(missing, f => f.Message.Contains("'fever-stiff-neck'", StringComparison.Ordinal));
        Assert.Contains(missing, f => f.Message.Contains("'limb-numbness'", StringComparison.Ordinal));
        Assert.DoesNotContain(missing, f => f.Message.Contains("'thunderclap'", StringComparison.Ordinal));
    }

    [Fact]
    public void Placeholders_are_not_warned_about_but_an_unknown_one_is()
    {
        var good = Check("good.md", Article("## Help\n\nCall {{emergency-number}} or {{urgent-advice-name}} on {{urgent-advice-number}}."));
        var bad = Check("bad.md", Article("## Help\n\nCall {{ambulance}}."));

        Assert.Empty(good.Findings);
        Assert.Contains(bad.Findings, f => f.Message.Contains("unknown placeholder '{{ambulance}}'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_emergency_signs_placeholder_in_an_emergency_card_counts_as_every_emergency_sign_there()
    {
        var file = Check("stop.md", Article("## Stop\n\n::: emergency\n{{emergency-signs}}\n:::"));

        Assert.DoesNotContain(file.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.DoesNotContain(file.Findings, f => f.Message.Contains("placeholder", StringComparison.Ordinal));
    }

    [Fact]
    public void The_emergency_signs_placeholder_outside_an_emergency_card_is_an_error_naming_the_tier()
    {
        var file = Check("stop.md", Article("## Stop\n\n::: urgent\n{{emergency-signs}}\n:::"));

        Assert.Contains(file.Findings, f => f.Severity == FindingSeverity.Error
            && f.Message.Contains("'thunderclap'", StringComparison.Ordinal) && f.Message.Contains("'::: emergency'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_emergency_signs_placeholder_inside_a_sentence_is_an_error_saying_to_give_it_a_line_of_its_own()
    {
        var file = Check("stop.md", Article("## Stop\n\n::: emergency\nCall if you have {{emergency-signs}} now.\n:::"));

        var error = Only(file, FindingSeverity.Error);
        Assert.Contains("{{emergency-signs}}", error.Message, StringComparison.Ordinal);
        Assert.Contains("line of its own", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_an_emergency_result_points_to_may_list_its_emergency_signs_with_the_placeholder()
    {
        var urgent = string.Join("\n", SignCatalog.All.Where(s => s.Group == SignGroup.Urgent).Select(s => "- " + s.Label));
        var file = Check("when-to-get-urgent-help.md", Article($"::: emergency\n{{{{emergency-signs}}}}\n:::\n\n::: urgent\n{urgent}\n:::")
            .Replace("category: signs", "category: signs\nsuits: [emergency]", StringComparison.Ordinal));

        Assert.DoesNotContain(file.Findings, f => f.Message.Contains("is missing", StringComparison.Ordinal)
            && SignCatalog.IdsIn(SignGroup.Emergency).Any(id => f.Message.Contains($"'{id}'", StringComparison.Ordinal)));
    }

    private string Picture(string name, string contents)
    {
        Directory.CreateDirectory(Path.Combine(_content.Root, "images"));
        File.WriteAllText(Path.Combine(_content.Root, "images", name), contents);
        return $"![A chin nod, lying down](/images/{name})";
    }

    public static TheoryData<string, string> HostileSvgs => new()
    {
        { "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "contains <script>" },
        { "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><rect width='1' height='1'/></svg>", "event attribute 'onload'" },
        { "<svg xmlns='http://www.w3.org/2000/svg'><image href='https://evil.example/x.png' width='1' height='1'/></svg>", "outside itself" },
        { "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'><use xlink:href='https://evil.example/a.svg#x'/></svg>", "outside itself" },
        { "<svg xmlns='http://www.w3.org/2000/svg'><style>@import url(https://evil.example/a.css);</style></svg>", "style that loads" },
        { "<svg xmlns='http://www.w3.org/2000/svg'><rect style='fill: url(https://evil.example/p.svg)' width='1' height='1'/></svg>", "loads something from outside" },
        { "<svg xmlns='http://www.w3.org/2000/svg'><rect style='fill: url(#local); stroke: url(https://evil.example/p.svg)' width='1' height='1'/></svg>", "loads something from outside" },
        { "<svg xmlns='http://www.w3.org/2000/svg'><style>rect { fill: url(#local); stroke: url(https://evil.example/p.svg) }</style></svg>", "style that loads" },
        { "<svg xmlns='http://www.w3.org/2000/svg'><foreignObject><div xmlns='http://www.w3.org/1999/xhtml'>hi</div></foreignObject></svg>", "contains <foreignObject>" },
        { "<!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><svg xmlns='http://www.w3.org/2000/svg'>&x;</svg>", "not a well-formed SVG" },
    };

    [Theory]
    [MemberData(nameof(HostileSvgs))]
    public void An_SVG_picture_with_code_or_outside_references_is_refused_with_a_reason(string svg, string reason)
    {
        var error = Only(Check("pictures.md", Article(Picture("drawing.svg", svg))), FindingSeverity.Error);

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_SVG_drawing_with_internal_references_is_fine()
    {
        var svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><defs><marker id='arrow'><path d='M0 0L2 1L0 2z'/></marker></defs>" +
            "<line x1='1' y1='1' x2='9' y2='9' stroke='black' marker-end='url(#arrow)'/><use href='#arrow'/></svg>";

        var file = Check("pictures.md", Article(Picture("fine.svg", svg)));

        Assert.DoesNotContain(file.Findings, f => f.Severity == FindingSeverity.Error);
    }

    [Fact]
    public void A_picture_over_200_KB_is_an_error()
    {
        var error = Only(Check("pictures.md", Article(Picture("huge.svg", "<svg xmlns='http://www.w3.org/2000/svg'>" + new string(' ', 210 * 1024) + "</svg>"))), FindingSeverity.Error);

        Assert.Contains("keep pictures under 200 KB", error.Message, StringComparison.Ordinal);
    }
}
