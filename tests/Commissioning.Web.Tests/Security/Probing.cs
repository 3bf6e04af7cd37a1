using System.Net;
using AngleSharp.Html.Dom;
using Commissioning.Web.Tests.Support;

namespace Commissioning.Web.Tests.Security;

/// <summary>What the probes share: the form a handler's button submits, and what a refusal looks like.</summary>
public static class Probing
{
    /// <summary>
    /// The fields a person would send to <paramref name="handler"/> from this page: the form whose button
    /// (or action) names the handler, with the button's own name and value; null when the page offers no
    /// such button now (a review that is not waiting for a decision has no Agree button).
    /// </summary>
    public static FormFields? FormFor(this HtmlPage page, string url, string? handler)
    {
        if (page.FormElementFor(url, handler) is not { } found) return null;
        var (form, button) = found;
        var fields = HtmlPage.Fields(form);
        if (button is { Name: { Length: > 0 } name }) fields.Add(name, button.Value ?? "");
        return fields;
    }

    /// <summary>The form that posts to <paramref name="handler"/> of the page at <paramref name="url"/>, and the button that does it.</summary>
    public static (IHtmlFormElement Form, IHtmlButtonElement? Button)? FormElementFor(this HtmlPage page, string url, string? handler)
    {
        var path = url.Split('?')[0];
        foreach (var form in page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
        {
            if (!string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase)) continue;
            var buttons = form.Elements.OfType<IHtmlButtonElement>().ToList();
            var button = buttons.FirstOrDefault(b => Names(b.GetAttribute("formaction") ?? form.GetAttribute("action"), path, handler));
            if (button is null && (buttons.Count > 0 || !Names(form.GetAttribute("action"), path, handler))) continue;
            return (form, button);
        }
        return null;
    }

    // The header's sign-out form is on every page: a form is this page's when it posts to this page's address.
    private static bool Names(string? action, string path, string? handler)
    {
        if (!string.Equals(action?.Split('?', '#')[0], path, StringComparison.OrdinalIgnoreCase)) return false;
        var query = action?.Split('#')[0].Split('?').ElementAtOrDefault(1) ?? "";
        var named = query.Split('&').Select(p => p.Split('=')).Where(p => p.Length == 2 && p[0].Equals("handler", StringComparison.OrdinalIgnoreCase))
            .Select(p => Uri.UnescapeDataString(p[1])).FirstOrDefault();
        return string.Equals(named, handler, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Posts exactly these fields (the caller chose the token, or none).</summary>
    public static async Task<HtmlPage> PostRawAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await HtmlPage.ReadAsync(await client.PostAsync(url, content));
    }

    /// <summary>A signed-in person refused: 403, or the redirect to the access-denied page that the cookie scheme makes of it.</summary>
    public static bool IsDenied(HtmlPage page) =>
        page.Status == HttpStatusCode.Forbidden
        || (page.Status == HttpStatusCode.Redirect && (page.Location ?? "").StartsWith("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase));

    /// <summary>Someone not signed in, sent to sign in.</summary>
    public static bool IsSentToSignIn(HtmlPage page) =>
        page.Status == HttpStatusCode.Redirect && (page.Location ?? "").StartsWith("/Account/SignIn", StringComparison.OrdinalIgnoreCase);

    public static string Describe(HtmlPage page) => $"{(int)page.Status}{(page.Location is { } l ? " → " + l : "")}";
}
