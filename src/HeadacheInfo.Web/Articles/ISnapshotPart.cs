namespace HeadacheInfo.Web.Articles;

/// <summary>
/// Something derived from a content snapshot (the search index, the pre-rendered pages...), built once with
/// it by <see cref="ContentStore"/>, before it is swapped in. Register with <c>AddSingleton&lt;ISnapshotPart, ...&gt;</c>;
/// parts are built in the order they are registered.
/// </summary>
public interface ISnapshotPart
{
    /// <param name="snapshot">The new snapshot, with the parts registered before this one.</param>
    /// <param name="previous">The snapshot being replaced, so unchanged work can be reused.</param>
    /// <param name="cancellationToken">The site is stopping: the snapshot will not be swapped in.</param>
    ValueTask<object> BuildAsync(ContentSnapshot snapshot, ContentSnapshot previous, CancellationToken cancellationToken);
}
