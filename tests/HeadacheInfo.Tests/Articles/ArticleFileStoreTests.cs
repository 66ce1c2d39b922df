using HeadacheInfo.Tests.Infrastructure;
using HeadacheInfo.Web.Articles;

namespace HeadacheInfo.Tests.Articles;

/// <summary>
/// The located store the publish log's applier writes through: it answers as the plain store does, even when a
/// person moves, removes or adds files behind it, so applying thousands of rows quickly changes nothing else.
/// </summary>
public sealed class ArticleFileStoreTests : IDisposable
{
    private readonly TemporaryContentFolder _content = new();

    public void Dispose() => _content.Dispose();

    private ArticleFileStore Store => new(_content.Root);

    [Fact]
    public void Located_store_reads_an_article_kept_in_a_subfolder()
    {
        _content.Write("neck/neck-pain.md", "neck text");

        var located = Store.Located();

        Assert.Equal("neck text", located.Read("neck-pain").Text);
    }

    [Fact]
    public void Located_store_writes_a_changed_article_where_it_lives_not_beside_it()
    {
        _content.Write("neck/neck-pain.md", "old");
        var located = Store.Located();

        located.Write("neck-pain", "new");

        Assert.Equal("new", File.ReadAllText(Path.Combine(_content.ArticlesFolder, "neck", "neck-pain.md")));
        Assert.False(File.Exists(Path.Combine(_content.ArticlesFolder, "neck-pain.md")));
    }

    [Fact]
    public void Located_store_writes_a_new_article_in_its_usual_place_and_reads_it_back()
    {
        var located = Store.Located();

        Assert.False(located.Read("new-one").Exists);
        located.Write("new-one", "first text");
        located.Write("new-one", "second text");

        Assert.Equal("second text", located.Read("new-one").Text);
        Assert.Equal("second text", Store.Read("new-one").Text);
        Assert.Single(Store.List([]));
    }

    [Fact]
    public void Located_store_finds_an_article_a_person_moved_after_the_walk()
    {
        _content.Write("neck-pain.md", "text");
        var located = Store.Located();
        Directory.CreateDirectory(Path.Combine(_content.ArticlesFolder, "moved"));
        _content.Rename("neck-pain.md", Path.Combine("moved", "neck-pain.md"));

        located.Write("neck-pain", "after the move");

        Assert.Equal("after the move", File.ReadAllText(Path.Combine(_content.ArticlesFolder, "moved", "neck-pain.md")));
        Assert.Single(Store.List([]));
    }

    [Fact]
    public void Located_store_sees_an_article_a_person_added_in_its_usual_place_after_the_walk()
    {
        var located = Store.Located();
        _content.Write("neck-pain.md", "a person's text");

        Assert.Equal("a person's text", located.Read("neck-pain").Text);
    }

    [Fact]
    public void Located_store_deletes_an_article_and_then_finds_none()
    {
        _content.Write("sub/neck-pain.md", "text");
        var located = Store.Located();

        located.Delete("neck-pain");

        Assert.False(located.Read("neck-pain").Exists);
        Assert.Empty(Store.List([]));
    }

    [Fact]
    public void Located_store_gives_the_same_reason_as_the_plain_store_for_a_refused_file()
    {
        _content.Write("huge.md", new string('a', ArticleFiles.MaxFileBytes + 1));

        var plain = Store.Read("huge");
        var located = Store.Located().Read("huge");

        Assert.Null(located.Text);
        Assert.Equal(plain.Problem, located.Problem);
    }
}
