using System.Net;
using HeadacheInfo.Web.Clinic;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace HeadacheInfo.Web.Articles.CareCards;

/// <summary>
/// Renders <c>::: kind</c> containers as care cards: a labelled region with a heading that states the advice.
/// An unknown kind renders its text in a plain box so nothing is lost; the content checker reports it.
/// </summary>
internal sealed class CareCardRenderer(ClinicOptions clinic) : HtmlObjectRenderer<CustomContainer>
{
    protected override void Write(HtmlRenderer renderer, CustomContainer container)
    {
        renderer.EnsureLine();
        if (CareCardKind.FromKey(container.Info) is not { } kind)
        {
            renderer.Write("<div class=\"care-card care-card-plain\">").WriteLine();
            renderer.WriteChildren(container);
            renderer.Write("</div>").WriteLine();
            return;
        }

        var heading = WebUtility.HtmlEncode(kind.Heading(clinic));
        renderer.Write($"<section class=\"care-card care-card-{kind.Key}\" data-care-card=\"{kind.Key}\" aria-label=\"{WebUtility.HtmlEncode(kind.Label)}: {heading}\">").WriteLine();
        renderer.Write($"<h3 class=\"care-card-heading\"><span class=\"care-card-label\">{WebUtility.HtmlEncode(kind.Label)}<span class=\"visually-hidden\">:</span></span> {heading}</h3>").WriteLine();
        renderer.WriteChildren(container);
        WriteContactLine(renderer, kind);
        renderer.Write("</section>").WriteLine();
    }

    private void WriteContactLine(HtmlRenderer renderer, CareCardKind kind)
    {
        if (kind == CareCardKind.Emergency)
        {
            var number = WebUtility.HtmlEncode(clinic.EmergencyNumber);
            var tel = WebUtility.HtmlEncode(ClinicOptions.TelHref(clinic.EmergencyNumber));
            // Call, nothing about going to A&E: a card may list stroke signs, and with those no one should make their
            // own way to hospital (NHS stroke advice). A card that can offer A&E says so in its own words.
            renderer.Write($"<p class=\"care-card-action\">Call <a href=\"{tel}\">{number}</a> now.</p>").WriteLine();
        }
        else if (kind == CareCardKind.Urgent)
        {
            var name = WebUtility.HtmlEncode(clinic.UrgentAdviceName);
            var number = WebUtility.HtmlEncode(clinic.UrgentAdviceNumber);
            var tel = WebUtility.HtmlEncode(ClinicOptions.TelHref(clinic.UrgentAdviceNumber));
            var url = WebUtility.HtmlEncode(clinic.UrgentAdviceUrl);
            renderer.Write($"<p class=\"care-card-action\">Call {name} on <a href=\"{tel}\">{number}</a>, go to <a href=\"{url}\">{url}</a>, or contact your GP today.</p>").WriteLine();
        }
    }
}
