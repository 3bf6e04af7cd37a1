using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Commissioning.Web.Charts;

/// <summary>One bar: its label, its size, the figure printed beside it, and whether it is an estimate (drawn lighter).</summary>
public sealed record Bar(string Label, decimal Value, string Display, bool Muted = false);

/// <summary>
/// A horizontal bar chart drawn on the server as SVG: no script, nothing for the CSP to block.
/// It is a picture of a table that sits beside it, so screen readers get the title and are
/// pointed at the table rather than read every bar.
/// </summary>
public static class BarChart
{
    // ValueWidth holds the longest label drawn, "£56,746,886.52 projected" at 14 px (about 170 px).
    private const int LabelWidth = 200, BarArea = 330, ValueWidth = 190, RowHeight = 26, BarHeight = 18;

    public static IHtmlContent Render(string id, string title, IReadOnlyList<Bar> bars)
    {
        var max = bars.Count == 0 ? 0m : bars.Max(b => b.Value);
        var width = LabelWidth + BarArea + ValueWidth;
        var height = Math.Max(1, bars.Count) * RowHeight + 4;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"app-chart\" font-family=\"Arial, sans-serif\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Encode(title)} (the figures are in the table)</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = i * RowHeight + 4;
            var length = max <= 0 ? 0 : (double)(b.Value / max) * BarArea;
            var fill = b.Muted ? "#8eb8dc" : "#1d70b8";
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth - 8}\" y=\"{y + 14}\" text-anchor=\"end\" font-size=\"14\" fill=\"#0b0c0c\">{Encode(Shorten(b.Label))}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{Math.Max(length, b.Value > 0 ? 1 : 0):0.##}\" height=\"{BarHeight}\" fill=\"{fill}\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth + length + 6:0.##}\" y=\"{y + 14}\" font-size=\"14\" fill=\"#0b0c0c\">{Encode(b.Display)}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Shorten(string label) => label.Length <= 26 ? label : label[..25] + "…";
    private static string Encode(string s) => WebUtility.HtmlEncode(s);
}
