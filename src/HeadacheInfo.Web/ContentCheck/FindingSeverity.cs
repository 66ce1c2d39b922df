namespace HeadacheInfo.Web.ContentCheck;

public enum FindingSeverity
{
    Warning,
    Error,
}
