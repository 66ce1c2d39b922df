using Markdig.Syntax.Inlines;

namespace HeadacheInfo.Web.Articles;

/// <summary>A clinic placeholder in the text, with the value it stands for.</summary>
public sealed class ClinicValueInline(string name, string value) : LeafInline
{
    public string Name { get; } = name;

    public string Value { get; } = value;
}
