using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Commissioning.Web.Forms;

/// <summary>
/// GOV.UK Frontend form fields with their error messages, written once so every page
/// marks errors the same way. Names are model-binding names ("Input.Title"); ids replace
/// dots and brackets with hyphens ("Input-Title") so the error summary can link to them.
/// </summary>
public static class Govuk
{
    public static string Id(string name) => name.Replace("].", "-").Replace('[', '-').Replace(']', '-').Replace('.', '-').TrimEnd('-');

    public static string? Error(ModelStateDictionary state, string name) =>
        state.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public static IHtmlContent TextInput(this IHtmlHelper html, string name, string? value, string label,
        string? hint = null, string width = "", string type = "text", string? autocomplete = null, bool labelIsHeading = false,
        string? prefix = null, string? inputMode = null, bool spellcheck = true)
    {
        var error = Error(html.ViewData.ModelState, name);
        var id = Id(name);
        var b = Group(error);
        b.AppendHtml(Label(id, label, labelIsHeading));
        AppendHintAndError(b, id, hint, error);
        var cssWidth = width.Length > 0 ? $" govuk-input--width-{width}" : "";
        if (prefix is not null) b.AppendHtml($"<div class=\"govuk-input__wrapper\"><div class=\"govuk-input__prefix\" aria-hidden=\"true\">{E(prefix)}</div>");
        b.AppendHtml($"<input class=\"govuk-input{cssWidth}{(error is null ? "" : " govuk-input--error")}\" id=\"{id}\" name=\"{E(name)}\" type=\"{type}\" value=\"{E(value)}\"");
        b.AppendHtml(Described(id, hint, error));
        if (autocomplete is not null) b.AppendHtml($" autocomplete=\"{autocomplete}\"");
        if (inputMode is not null) b.AppendHtml($" inputmode=\"{inputMode}\"");
        if (!spellcheck) b.AppendHtml(" spellcheck=\"false\"");
        b.AppendHtml(">");
        if (prefix is not null) b.AppendHtml("</div>");
        b.AppendHtml("</div>");
        return b;
    }

    public static IHtmlContent MoneyInput(this IHtmlHelper html, string name, string? value, string label, string? hint = null) =>
        html.TextInput(name, value, label, hint, width: "10", prefix: "£", inputMode: "decimal", spellcheck: false);

    public static IHtmlContent TextArea(this IHtmlHelper html, string name, string? value, string label, string? hint = null, int rows = 4)
    {
        var error = Error(html.ViewData.ModelState, name);
        var id = Id(name);
        var b = Group(error);
        b.AppendHtml(Label(id, label, false));
        AppendHintAndError(b, id, hint, error);
        b.AppendHtml($"<textarea class=\"govuk-textarea{(error is null ? "" : " govuk-textarea--error")}\" id=\"{id}\" name=\"{E(name)}\" rows=\"{rows}\"{Described(id, hint, error)}>{E(value)}</textarea></div>");
        return b;
    }

    public static IHtmlContent Select(this IHtmlHelper html, string name, string? value, string label,
        IEnumerable<(string Value, string Text)> options, string? hint = null, string? blank = "Choose…")
    {
        var error = Error(html.ViewData.ModelState, name);
        var id = Id(name);
        var b = Group(error);
        b.AppendHtml(Label(id, label, false));
        AppendHintAndError(b, id, hint, error);
        b.AppendHtml($"<select class=\"govuk-select{(error is null ? "" : " govuk-select--error")}\" id=\"{id}\" name=\"{E(name)}\"{Described(id, hint, error)}>");
        if (blank is not null) b.AppendHtml($"<option value=\"\">{E(blank)}</option>");
        foreach (var (v, t) in options)
            b.AppendHtml($"<option value=\"{E(v)}\"{(v == value ? " selected" : "")}>{E(t)}</option>");
        b.AppendHtml("</select></div>");
        return b;
    }

    public static IHtmlContent Radios(this IHtmlHelper html, string name, string? value, string legend,
        IEnumerable<(string Value, string Text, string? Hint)> options, string? hint = null, bool inline = false, bool legendIsHeading = false)
    {
        var error = Error(html.ViewData.ModelState, name);
        var id = Id(name);
        var b = Group(error);
        b.AppendHtml($"<fieldset class=\"govuk-fieldset\"{Described(id, hint, error)}>");
        b.AppendHtml(legendIsHeading
            ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">{E(legend)}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(legend)}</legend>");
        AppendHintAndError(b, id, hint, error);
        b.AppendHtml($"<div class=\"govuk-radios{(inline ? " govuk-radios--inline" : "")}\" data-module=\"govuk-radios\">");
        var first = true;
        foreach (var (v, t, h) in options)
        {
            // The first radio carries the field's id so the error summary link lands on it.
            var itemId = first ? id : $"{id}-{Id(v)}";
            first = false;
            b.AppendHtml($"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{itemId}\" name=\"{E(name)}\" type=\"radio\" value=\"{E(v)}\"{(v == value ? " checked" : "")}");
            if (h is not null) b.AppendHtml($" aria-describedby=\"{itemId}-item-hint\"");
            b.AppendHtml($"><label class=\"govuk-label govuk-radios__label\" for=\"{itemId}\">{E(t)}</label>");
            if (h is not null) b.AppendHtml($"<div id=\"{itemId}-item-hint\" class=\"govuk-hint govuk-radios__hint\">{E(h)}</div>");
            b.AppendHtml("</div>");
        }
        b.AppendHtml("</div></fieldset></div>");
        return b;
    }

    public static IHtmlContent Checkbox(this IHtmlHelper html, string name, bool value, string label, string? hint = null)
    {
        var id = Id(name);
        var b = new HtmlContentBuilder();
        b.AppendHtml($"<div class=\"govuk-form-group\"><div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\"><div class=\"govuk-checkboxes__item\">");
        b.AppendHtml($"<input class=\"govuk-checkboxes__input\" id=\"{id}\" name=\"{E(name)}\" type=\"checkbox\" value=\"true\"{(value ? " checked" : "")}{(hint is null ? "" : $" aria-describedby=\"{id}-hint\"")}>");
        b.AppendHtml($"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{id}\">{E(label)}</label>");
        if (hint is not null) b.AppendHtml($"<div id=\"{id}-hint\" class=\"govuk-hint govuk-checkboxes__hint\">{E(hint)}</div>");
        b.AppendHtml("</div></div></div>");
        return b;
    }

    /// <summary>The GOV.UK date pattern: day, month and year boxes under one legend.</summary>
    public static IHtmlContent DateInput(this IHtmlHelper html, string name, DateParts? value, string legend, string? hint = null)
    {
        var error = Error(html.ViewData.ModelState, name);
        var id = Id(name);
        var b = Group(error);
        b.AppendHtml($"<fieldset class=\"govuk-fieldset\" role=\"group\"{Described(id, hint, error)}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(legend)}</legend>");
        AppendHintAndError(b, id, hint, error);
        b.AppendHtml($"<div class=\"govuk-date-input\" id=\"{id}\">");
        foreach (var (part, text, v, w) in new[] { ("Day", "Day", value?.Day, 2), ("Month", "Month", value?.Month, 2), ("Year", "Year", value?.Year, 4) })
        {
            var partId = part == "Day" ? $"{id}-Day" : $"{id}-{part}";
            b.AppendHtml($"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\" for=\"{partId}\">{text}</label>");
            b.AppendHtml($"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{w}{(error is null ? "" : " govuk-input--error")}\" id=\"{partId}\" name=\"{E(name)}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{E(v)}\"></div></div>");
        }
        b.AppendHtml("</div></fieldset></div>");
        return b;
    }

    /// <summary>
    /// The error summary at the top of the page, in the order of the fields on the page, each
    /// message linking to the control that takes focus: a date's day box, a section's first field.
    /// </summary>
    public static IHtmlContent ErrorSummary(this IHtmlHelper html, IReadOnlyDictionary<string, string>? anchors = null)
    {
        var state = html.ViewData.ModelState;
        var order = html.ViewData[ValidationRules.ErrorOrderKey] as List<string> ?? [];
        var errors = state
            .Where(kv => kv.Value is { Errors.Count: > 0 })
            .Select(kv => (Key: kv.Key, Message: kv.Value!.Errors[0].ErrorMessage))
            .OrderBy(e => e.Key.Length == 0 ? -1 : order.IndexOf(e.Key) is var i and >= 0 ? i : int.MaxValue)
            .ToList();
        if (errors.Count == 0) return HtmlString.Empty;
        var b = new HtmlContentBuilder();
        b.AppendHtml("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">");
        foreach (var (key, message) in errors)
        {
            var target = anchors is not null && anchors.TryGetValue(key, out var a) ? a
                : state.ContainsKey(key + ".Day") ? Id(key) + "-Day"
                : Id(key);
            // An anchor given as a path is a field on another page (a task list's unfinished section): the link opens it.
            var href = target.StartsWith('/') ? target : "#" + target;
            b.AppendHtml(key.Length == 0 ? $"<li>{E(message)}</li>" : $"<li><a href=\"{E(href)}\">{E(message)}</a></li>");
        }
        b.AppendHtml("</ul></div></div></div>");
        return b;
    }

    private static HtmlContentBuilder Group(string? error)
    {
        var b = new HtmlContentBuilder();
        b.AppendHtml($"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\">");
        return b;
    }

    private static string Label(string id, string label, bool heading) =>
        heading
            ? $"<h1 class=\"govuk-label-wrapper\"><label class=\"govuk-label govuk-label--l\" for=\"{id}\">{E(label)}</label></h1>"
            : $"<label class=\"govuk-label\" for=\"{id}\">{E(label)}</label>";

    private static void AppendHintAndError(HtmlContentBuilder b, string id, string? hint, string? error)
    {
        if (hint is not null) b.AppendHtml($"<div id=\"{id}-hint\" class=\"govuk-hint\">{E(hint)}</div>");
        if (error is not null) b.AppendHtml($"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(error)}</p>");
    }

    private static string Described(string id, string? hint, string? error)
    {
        var ids = new List<string>();
        if (hint is not null) ids.Add($"{id}-hint");
        if (error is not null) ids.Add($"{id}-error");
        return ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }

    private static string E(string? s) => HtmlEncoder.Default.Encode(s ?? "");
}
