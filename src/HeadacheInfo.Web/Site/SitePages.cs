using System.Collections.Immutable;
using HeadacheInfo.Web.Staff;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing.Patterns;

namespace HeadacheInfo.Web.Site;

/// <summary>
/// The addresses of the pages an article may link to, read from the pages' own routes (their <c>@page</c>
/// directives) as Razor Pages builds its endpoints from them: a new page needs no edit here. Read from the
/// compiled pages rather than a running site, so <c>check-content</c> and the tests see the same list.
/// </summary>
public static class SitePages
{
    private static readonly Lazy<ImmutableArray<string>> Linkable = new(ReadLinkable);

    /// <summary>
    /// Every page at a fixed address (no route values, so not an article: those are checked against the
    /// content), except the staff area and the error page.
    /// </summary>
    public static ImmutableArray<string> Paths => Linkable.Value;

    private static ImmutableArray<string> ReadLinkable()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRazorPages().ConfigureApplicationPartManager(parts =>
            parts.ApplicationParts.Add(new CompiledRazorAssemblyPart(typeof(SitePages).Assembly)));
        using var provider = services.BuildServiceProvider();
        return
        [
            .. provider.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
                .OfType<PageActionDescriptor>()
                .Where(page => !page.ViewEnginePath.StartsWith(StaffPaths.Folder + "/", StringComparison.Ordinal))
                .Select(page => page.AttributeRouteInfo?.Template)
                .OfType<string>()
                .Where(template => RoutePatternFactory.Parse(template).Parameters.Count == 0)
                .Select(template => "/" + template.Trim('/'))
                // Razor Pages answers an Index page at its folder and at ".../Index": the folder is its address.
                .Where(path => !path.EndsWith("Index", StringComparison.Ordinal) && path != SiteRegistration.ErrorRoute)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal),
        ];
    }
}
