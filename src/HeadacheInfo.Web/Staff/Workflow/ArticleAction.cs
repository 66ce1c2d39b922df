using HeadacheInfo.Web.Staff.Database;

namespace HeadacheInfo.Web.Staff.Workflow;

/// <summary>One action on one article as <see cref="ArticleActionRunner"/> runs it: under its lock, inside its transaction.</summary>
public sealed class ArticleAction(string slug, ArticleState? row, ArticleStateRows rows)
{
    private EditorialState? _state;

    public string Slug => slug;

    /// <summary>Whether the workflow has seen the article before (it has a state row or a history).</summary>
    public bool Exists => Row is not null;

    internal ArticleState? Row { get; private set; } = row;

    /// <summary>The article's state, to run a transition on; an article never seen is started, published as its file is.</summary>
    public EditorialState State => _state ??= rows.Load(Row ??= rows.New(slug));

    /// <summary>Whether a transition may have run: only then is anything stored.</summary>
    internal bool Touched => _state is not null;

    /// <summary>Set by the action: the result carries the last revision its transition recorded, as stored.</summary>
    public bool ReturnsRevision { get; set; }

    /// <summary>
    /// Set by the action when its result is not a success yet what its transition recorded is stored all the
    /// same: an author's words are always kept (a save beside a newer change, a send the checker stopped).
    /// </summary>
    public bool KeepsWork { get; set; }

    /// <summary>Pictures kept beside the last revision the transition recorded (an upload, a release's shipped pictures).</summary>
    public List<RevisionPicture> Pictures { get; } = [];
}
