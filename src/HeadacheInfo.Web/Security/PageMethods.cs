namespace HeadacheInfo.Web.Security;

/// <summary>
/// Turns each page's method rules into endpoint metadata: GET and HEAD, and POST where the page has
/// <see cref="AcceptsFormPostAttribute"/>. Routing then answers any other method 405, with <c>Allow</c>.
/// </summary>
public sealed class PageMethods : Microsoft.AspNetCore.Mvc.ApplicationModels.IPageApplicationModelConvention
{
    public void Apply(Microsoft.AspNetCore.Mvc.ApplicationModels.PageApplicationModel model)
    {
        // The page's own rules: its model's attributes, or the page's (@attribute) where it has no model.
        var rules = model.HandlerTypeAttributes.Concat(model.PageType.GetCustomAttributes(inherit: true)).ToArray();
        if (rules.OfType<AnswersAnyMethodAttribute>().Any())
        {
            return;
        }

        string[] methods = rules.OfType<AcceptsFormPostAttribute>().Any()
            ? [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post]
            : [HttpMethods.Get, HttpMethods.Head];
        model.EndpointMetadata.Add(new Microsoft.AspNetCore.Routing.HttpMethodMetadata(methods));
    }
}
