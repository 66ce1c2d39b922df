namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>How a workflow action ended, for the page to say in its own words.</summary>
public enum WorkflowOutcome
{
    Done,
    Conflict,
    Forbidden,
    Invalid,
    NotFound,
}
