namespace HeadacheInfo.Web.Articles;

/// <summary>
/// The reload's state: <paramref name="RunningSince"/> while one runs; <paramref name="LastFailure"/> when the
/// last one failed (the previous snapshot is still served).
/// </summary>
public sealed record ReloadStatus(DateTimeOffset? RunningSince, DateTimeOffset? LastFailedAt, string? LastFailure);
