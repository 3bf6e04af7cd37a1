using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commissioning.Web.Forms;

/// <summary>
/// <c>&lt;table app-scroll&gt;</c>: a table too wide for a phone scrolls inside its own box, so the page
/// itself never scrolls sideways. The box is a focusable region (keyboard users scroll it with the arrow
/// keys) named after the table's caption, as WCAG 2.1.1 and axe's scrollable-region-focusable ask.
/// </summary>
[HtmlTargetElement("table", Attributes = AttributeName)]
public sealed partial class ScrollingTableTagHelper : TagHelper
{
    private const string AttributeName = "app-scroll";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        // app-scroll="…" names the region; a bare app-scroll takes the name from the caption.
        var label = context.AllAttributes[AttributeName].Value?.ToString();
        output.Attributes.RemoveAll(AttributeName);
        if (string.IsNullOrWhiteSpace(label))
        {
            var content = (await output.GetChildContentAsync()).GetContent();
            var caption = Caption().Match(content);
            label = caption.Success ? WebUtility.HtmlDecode(Tags().Replace(caption.Groups[1].Value, "")).Trim() : "";
            output.Content.SetHtmlContent(content);
        }
        if (label.Length == 0)
            throw new InvalidOperationException("A scrolling table needs a caption or an app-scroll label to name its region.");
        output.PreElement.SetHtmlContent($"<div class=\"app-table-container\" role=\"region\" aria-label=\"{WebUtility.HtmlEncode(Spaces().Replace(label, " "))}\" tabindex=\"0\">");
        output.PostElement.SetHtmlContent("</div>");
    }

    [GeneratedRegex(@"<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
