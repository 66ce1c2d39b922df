using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace HeadacheInfo.Tests.Infrastructure;

/// <summary>Fills in and submits a form read from a page, as a browser would.</summary>
public static class FormSubmission
{
    /// <summary>
    /// Ticks the checkboxes whose values are given, keeps the form's hidden fields (the antiforgery token
    /// among them), and posts it with the client that fetched the page, so its cookies go too.
    /// </summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlFormElement form, params string[] tickedValues)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input"))
        {
            if (input.Type == "hidden")
            {
                fields.Add(new(input.Name!, input.Value));
            }
            else if (input.Type == "checkbox")
            {
                Assert.True(input.Name is not null, "every checkbox has a name");
                if (tickedValues.Contains(input.Value))
                {
                    fields.Add(new(input.Name!, input.Value));
                }
            }
        }

        var known = form.QuerySelectorAll<IHtmlInputElement>("input[type=checkbox]").Select(i => i.Value).ToHashSet();
        Assert.All(tickedValues, value => Assert.Contains(value, known));

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? "/symptom-check" : form.GetAttribute("action")!;
        return client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));
    }
}
