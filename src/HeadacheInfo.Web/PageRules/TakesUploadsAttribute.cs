namespace HeadacheInfo.Web.PageRules;

/// <summary>
/// On a page model: its form takes a file. A request larger than its <c>[RequestSizeLimit]</c> is answered 413,
/// with a page saying what to do, before anything reads it (without this, an oversized form is a plain 400).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TakesUploadsAttribute : Attribute;
