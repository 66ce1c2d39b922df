namespace HeadacheInfo.Web.Staff.Publishing;

public static class PublishLogKinds
{
    public const string Article = "article";
    public const string Removed = "removed";
    public const string Picture = "picture";
}
