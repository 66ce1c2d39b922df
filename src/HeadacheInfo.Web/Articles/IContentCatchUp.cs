namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Something that fills the content folder at start and loads the store itself once it has (the publish log's
/// catch-up): the watcher reloads for no change until every one is done.
/// </summary>
public interface IContentCatchUp
{
    Task CaughtUp { get; }
}
