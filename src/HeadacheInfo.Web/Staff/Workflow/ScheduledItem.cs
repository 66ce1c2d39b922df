using HeadacheInfo.Web.Staff.Database;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>An article with a change approved for later or a take-down date, as the dashboard shows it.</summary>
/// <param name="Title">The scheduled text's title (an article never published has no other).</param>
public sealed record ScheduledItem(ArticleState State, string? Title)
{
    /// <summary>A change approved for later that has not gone live.</summary>
    public bool PublishPending => State.ScheduledRevisionId is not null && State.PublishAt is not null;
}
