using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Commissioning.Web.Pages.CoverSheets.Sections;

/// <summary>
/// GOV.UK radios whose answer reveals a follow-up question ("If confidential, why" under Yes).
/// The follow-up is written inside the radios, after its option, hidden by GOV.UK Frontend's
/// script until that option is chosen; without the script it simply shows.
/// </summary>
public static class RevealRadios
{
    public static IHtmlContent RadiosWithReveal(this IHtmlHelper html, string name, string? value, string legend,
        IEnumerable<(string Value, string Text)> options, IReadOnlyDictionary<string, IHtmlContent> reveals, string? hint = null)
    {
        var error = Govuk.Error(html.ViewData.ModelState, name);
        var id = Govuk.Id(name);
        var described = string.Join(' ', new[] { hint is null ? null : $"{id}-hint", error is null ? null : $"{id}-error" }.OfType<string>());
        var b = new HtmlContentBuilder();
        b.AppendHtml($"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\">");
        b.AppendHtml($"<fieldset class=\"govuk-fieldset\"{(described.Length == 0 ? "" : $" aria-describedby=\"{described}\"")}>");
        b.AppendHtml($"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(legend)}</legend>");
        if (hint is not null) b.AppendHtml($"<div id=\"{id}-hint\" class=\"govuk-hint\">{E(hint)}</div>");
        if (error is not null) b.AppendHtml($"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(error)}</p>");
        b.AppendHtml("<div class=\"govuk-radios\" data-module=\"govuk-radios\">");
        var first = true;
        foreach (var (v, t) in options)
        {
            // The first radio carries the field's id so the error summary link lands on it.
            var itemId = first ? id : $"{id}-{Govuk.Id(v)}";
            first = false;
            var checkedNow = v == value;
            var reveal = reveals.TryGetValue(v, out var r) ? r : null;
            var conditionalId = $"conditional-{itemId}";
            b.AppendHtml($"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{itemId}\" name=\"{E(name)}\" type=\"radio\" value=\"{E(v)}\"{(checkedNow ? " checked" : "")}");
            if (reveal is not null) b.AppendHtml($" data-aria-controls=\"{conditionalId}\"");
            b.AppendHtml($"><label class=\"govuk-label govuk-radios__label\" for=\"{itemId}\">{E(t)}</label></div>");
            if (reveal is null) continue;
            b.AppendHtml($"<div class=\"govuk-radios__conditional{(checkedNow ? "" : " govuk-radios__conditional--hidden")}\" id=\"{conditionalId}\">");
            b.AppendHtml(reveal);
            b.AppendHtml("</div>");
        }
        b.AppendHtml("</div></fieldset></div>");
        return b;
    }

    private static string E(string? s) => HtmlEncoder.Default.Encode(s ?? "");
}
