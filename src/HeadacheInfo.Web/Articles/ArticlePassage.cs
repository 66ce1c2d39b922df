namespace HeadacheInfo.Web.Articles;

/// <summary>
/// One paragraph or heading as a reader sees it (white space folded), and the <c>::: kind</c> block it sits
/// in most closely, if any: what the checker needs to hold every sign to the tier the symptom check gives it.
/// </summary>
/// <param name="LastLine">The last line of the file the passage is written on.</param>
public sealed record ArticlePassage(string Text, int Line, string? Container, int LastLine);
