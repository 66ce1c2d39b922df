using HeadacheInfo.Web.Articles;
using HeadacheInfo.Web.Staff.Database;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>
/// What a workflow action did: how it ended, a message a member of staff can act on, and for an editor the
/// revision it recorded and, on a conflict, the other text to compare with.
/// </summary>
public sealed record WorkflowResult(WorkflowOutcome Outcome, string Message)
{
    public bool Succeeded => Outcome == WorkflowOutcome.Done;

    /// <summary>The revision the action recorded, if any: on a conflict too, since the author's words are always kept.</summary>
    public ArticleRevision? Revision { get; init; }

    /// <summary>On a conflict while editing: the text that changed since the author started.</summary>
    public string? Theirs { get; init; }

    /// <summary>
    /// What the editor's form starts from next: the published text the author has now seen. After a conflict it
    /// is the text shown beside theirs, so keeping their own version is an ordinary save, which a change made
    /// meanwhile still stops.
    /// </summary>
    public string? BaseHash { get; init; }

    /// <summary>More reasons, one per line (fields the form must fix).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The last publish log row the action added (PostgreSQL), or 0.</summary>
    internal long PublishedUpTo { get; init; }

    /// <summary>For a take-down refused: the published articles that link to it, to be edited first.</summary>
    public IReadOnlyList<Article> LinkedFrom { get; init; } = [];

    public static WorkflowResult Done(string message) => new(WorkflowOutcome.Done, message);

    public static WorkflowResult Conflict(string message) => new(WorkflowOutcome.Conflict, message);

    public static WorkflowResult Forbidden(string message) => new(WorkflowOutcome.Forbidden, message);

    public static WorkflowResult Invalid(string message) => new(WorkflowOutcome.Invalid, message);

    public static WorkflowResult NotFound(string message) => new(WorkflowOutcome.NotFound, message);
}
