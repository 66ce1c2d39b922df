namespace HeadacheInfo.Web.Staff.Database;

/// <summary>
/// The change in progress on an article, as the state row stores it: the text of <see cref="ChangeState"/>
/// (<see cref="ChangeStates"/>), named here for queries over the row.
/// </summary>
public static class ChangeStatus
{
    public const string None = ChangeStates.None;
    public const string Draft = ChangeStates.Draft;
    public const string Waiting = ChangeStates.Waiting;
    public const string Returned = ChangeStates.Returned;
}
