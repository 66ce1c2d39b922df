namespace HeadacheInfo.Web.Insights;

/// <summary>What a daily total counts: the <see cref="InsightCount.Kind"/> column, kept short and stable.</summary>
public static class InsightKind
{
    /// <summary>A search, by its scrubbed words (first page of results only, so paging on is not a second search).</summary>
    public const string Search = "search";

    /// <summary>A search that found nothing, by its scrubbed words.</summary>
    public const string SearchNotFound = "search-not-found";

    /// <summary>A content page shown to a reader, by its path (no query string).</summary>
    public const string PageRead = "page-read";

    /// <summary>A symptom-check result shown, by its outcome's key (emergency, urgent, gp, physio); never the answers.</summary>
    public const string CheckResult = "check-result";
}
