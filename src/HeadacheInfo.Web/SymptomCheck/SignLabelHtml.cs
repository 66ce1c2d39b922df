using System.Net;
using System.Text;

namespace HeadacheInfo.Web.SymptomCheck;

/// <summary>
/// A sign's label as HTML for a list of signs (the "get help sooner" lists, the articles' list of emergency
/// signs, how the check decides): a question that names several symptoms shows them as a short list, as the
/// form does. The commas and the "or" between them are there for screen readers and for anyone who copies the
/// text, hidden on screen, so the words read are still the label, word for word.
/// </summary>
public static class SignLabelHtml
{
    public static string For(Sign sign)
    {
        if (sign.List is not { } list)
        {
            return WebUtility.HtmlEncode(sign.Label);
        }

        // Spans with list roles, as the form's label may hold only phrasing content: one markup everywhere.
        var html = new StringBuilder();
        html.Append("<span class=\"label-lead\">").Append(WebUtility.HtmlEncode(list.Lead)).Append("</span> ");
        html.Append("<span class=\"label-list\" role=\"list\">");
        for (var i = 0; i < list.Items.Length; i++)
        {
            html.Append("<span class=\"label-item\" role=\"listitem\">");
            if (i == list.Items.Length - 1)
            {
                html.Append("<span class=\"visually-hidden\">or </span>");
            }

            html.Append(WebUtility.HtmlEncode(list.Items[i]));
            if (i < list.Items.Length - 1)
            {
                html.Append("<span class=\"visually-hidden\">, </span>");
            }

            html.Append("</span>");
        }

        return html.Append("</span>").ToString();
    }
}
