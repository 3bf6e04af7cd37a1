using System.Text;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commissioning.Web.Forms;

/// <summary>
/// Where a page's form posts, worked out from the address the page was first asked for.
/// <para>
/// A form without an action posts back to the address in the browser's bar. After a secondary
/// button ("Add another…", "Work out…") has re-rendered the page, that address carries the
/// secondary button's <c>?handler=</c>, so the main button would silently run the secondary
/// handler again and the save would never happen. Every post form and every secondary button
/// therefore names its handler outright: the page's address without any <c>handler</c>, keeping
/// the rest of the query (Create's <c>?form=Block</c>, a review's <c>?contractId=</c>).
/// </para>
/// </summary>
public static class FormHandlers
{
    public const string HandlerAttribute = "app-handler";
    public const string FragmentAttribute = "app-fragment";

    /// <summary>The page's own address for <paramref name="handler"/> (null: the main handler), with the rest of the query kept.</summary>
    public static string Address(Microsoft.AspNetCore.Http.HttpRequest request, string? handler, string? fragment = null)
    {
        var address = new StringBuilder(request.PathBase.Add(request.Path).ToUriComponent());
        var separator = '?';
        foreach (var (key, values) in request.Query)
        {
            if (string.Equals(key, "handler", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var value in values)
            {
                address.Append(separator).Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? ""));
                separator = '&';
            }
        }
        if (!string.IsNullOrEmpty(handler)) address.Append(separator).Append("handler=").Append(Uri.EscapeDataString(handler));
        if (!string.IsNullOrEmpty(fragment)) address.Append('#').Append(fragment);
        return address.ToString();
    }
}

/// <summary>
/// Gives every <c>&lt;form method="post"&gt;</c> that names no action of its own an explicit one:
/// the page's main handler (see <see cref="FormHandlers"/>).
/// </summary>
[HtmlTargetElement("form", Attributes = "[method=post]")]
public sealed class PostFormTagHelper : TagHelper
{
    // After ASP.NET's own form tag helper, which writes the action for asp-page and asp-page-handler.
    public override int Order => 1000;

    [HtmlAttributeNotBound, ViewContext] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes.ContainsName("action")) return;
        output.Attributes.SetAttribute("action", FormHandlers.Address(ViewContext.HttpContext.Request, handler: null));
    }
}

/// <summary>
/// <c>&lt;button app-handler="AddRow"&gt;</c>: a secondary submit button that posts to its own
/// handler on the page's own address, whatever the page was re-rendered from. An optional
/// <c>app-fragment</c> brings the person back to the part of the page the button changed.
/// </summary>
[HtmlTargetElement("button", Attributes = FormHandlers.HandlerAttribute)]
public sealed class HandlerButtonTagHelper : TagHelper
{
    [HtmlAttributeName(FormHandlers.HandlerAttribute)] public string Handler { get; set; } = "";
    [HtmlAttributeName(FormHandlers.FragmentAttribute)] public string? Fragment { get; set; }

    [HtmlAttributeNotBound, ViewContext] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (string.IsNullOrWhiteSpace(Handler))
            throw new InvalidOperationException($"A button with {FormHandlers.HandlerAttribute} must name a handler.");
        if (output.Attributes.ContainsName("formaction"))
            throw new InvalidOperationException($"A button names its handler with {FormHandlers.HandlerAttribute} or formaction, not both.");
        output.Attributes.SetAttribute("formaction", FormHandlers.Address(ViewContext.HttpContext.Request, Handler, Fragment));
    }
}
