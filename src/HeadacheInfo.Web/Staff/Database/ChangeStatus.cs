namespace HeadacheInfo.Web.Staff.Database;

/// <summary>The change in progress on an article.</summary>
public static class ChangeStatus
{
    public const string None = "none";
    public const string Draft = "draft";
    public const string Waiting = "waiting";
    public const string Returned = "returned";
}
