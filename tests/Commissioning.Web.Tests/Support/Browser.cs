using System.Collections;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Commissioning.Web.Tests.Support;

/// <summary>What a browser would do with the pages: read them, fill their forms, post them back.</summary>
public static partial class Browser
{
    public const string TokenName = "__RequestVerificationToken";
    private static readonly HtmlParser Parser = new();

    public static async Task<HtmlPage> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return await HtmlPage.ReadAsync(response);
    }

    /// <summary>
    /// Posts form-urlencoded fields (repeated keys allowed). Unless the fields carry an antiforgery
    /// token, one is read first from <paramref name="tokenFrom"/> (default: the url itself), or from
    /// the register when that page has no form.
    /// </summary>
    /// <remarks>
    /// A select's value may be given as the text of its option ("Adult Social Care" for a directorate), as a person
    /// picks from a list: when the page the token is read from has that select, the option's value is posted.
    /// </remarks>
    public static async Task<HtmlPage> PostFormAsync(this HttpClient client, string url,
        IEnumerable<KeyValuePair<string, string>> fields, string? tokenFrom = null)
    {
        var list = fields.ToList();
        if (!list.Any(f => f.Key == TokenName))
        {
            var page = await client.GetPageAsync(tokenFrom ?? url);
            list = ChooseByText(page, list);
            list.Add(KeyValuePair.Create(TokenName, page.Token ?? await TokenAsync(client, tokenFrom ?? url)));
        }
        using var content = new FormUrlEncodedContent(list);
        var response = await client.PostAsync(url, content);
        return await HtmlPage.ReadAsync(response);
    }

    /// <summary>An antiforgery token for this client's session, from a page's form.</summary>
    public static async Task<string> TokenAsync(this HttpClient client, string url)
    {
        var page = await client.GetPageAsync(url);
        if (page.Token is { } token) return token;
        // A read-only page has no form of its own. The sign-out page has one for a signed-in
        // user and the sign-in page for anyone; a token is for the session, not for a page.
        foreach (var fallback in new[] { "/Account/SignOut", "/Account/SignIn" })
            if ((await client.GetPageAsync(fallback)).Token is { } other) return other;
        throw new InvalidOperationException($"No antiforgery token on {url} ({(int)page.Status}), /Account/SignOut or /Account/SignIn.");
    }

    private static List<KeyValuePair<string, string>> ChooseByText(HtmlPage page, List<KeyValuePair<string, string>> fields) =>
        fields.Select(f =>
        {
            if (page.Document.QuerySelector($"select[name='{f.Key}']") is not IHtmlSelectElement select
                || select.Options.Any(o => o.Value == f.Value)) return f;
            var chosen = select.Options.FirstOrDefault(o => Normalise(o.Text) == f.Value);
            return chosen is null ? f : KeyValuePair.Create(f.Key, chosen.Value);
        }).ToList();

    public static async Task<HtmlPage> SignInAsync(this HttpClient client, string email, string password) =>
        await client.PostFormAsync("/Account/SignIn", new FormFields { { "Input.Email", email }, { "Input.Password", password } });

    public static string Normalise(string? text) => Spaces().Replace(text ?? "", " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    internal static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);
}

/// <summary>One response, parsed.</summary>
public sealed class HtmlPage
{
    private HtmlPage(HttpResponseMessage response, string html)
    {
        Response = response;
        Html = html;
        Document = Browser.Parse(html);
    }

    public static async Task<HtmlPage> ReadAsync(HttpResponseMessage response) =>
        new(response, await response.Content.ReadAsStringAsync());

    public HttpResponseMessage Response { get; }
    public string Html { get; }
    public IHtmlDocument Document { get; }
    public HttpStatusCode Status => Response.StatusCode;

    /// <summary>The redirect target as path and query, whether the server sent it absolute or relative.</summary>
    public string? Location => Response.Headers.Location is { } uri
        ? uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString
        : null;

    /// <summary>The visible text of the page body, whitespace collapsed.</summary>
    public string Text => Browser.Normalise(Document.Body?.TextContent);

    public string? Token =>
        Document.QuerySelector($"input[name='{Browser.TokenName}']")?.GetAttribute("value");

    /// <summary>The messages in the GOV.UK error summary at the top of the page.</summary>
    public IReadOnlyList<string> ErrorSummary =>
        Document.QuerySelectorAll(".govuk-error-summary .govuk-error-summary__list li").Select(li => Browser.Normalise(li.TextContent)).ToList();

    /// <summary>The links of the error summary (href without '#'), in order.</summary>
    public IReadOnlyList<string> ErrorSummaryTargets =>
        Document.QuerySelectorAll(".govuk-error-summary__list a").Select(a => (a.GetAttribute("href") ?? "").TrimStart('#')).ToList();

    /// <summary>The message shown at a field: the element with id "{fieldId}-error", without its hidden "Error:" prefix.</summary>
    public string? FieldError(string fieldId)
    {
        var element = Document.GetElementById(fieldId + "-error");
        if (element is null) return null;
        var text = Browser.Normalise(element.TextContent);
        return text.StartsWith("Error:", StringComparison.Ordinal) ? text["Error:".Length..].Trim() : text;
    }

    /// <summary>The fields a browser would submit from the page's form (by default the one in the main content).</summary>
    public FormFields Form(string selector = "main form[method='post']")
    {
        var form = Document.QuerySelector(selector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{selector}' on the page ({(int)Status}).");
        return Fields(form);
    }

    /// <summary>The fields a browser would submit from <paramref name="form"/> (without the button pressed).</summary>
    public static FormFields Fields(IHtmlFormElement form)
    {
        var fields = new FormFields();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                    var type = (input.Type ?? "text").ToLowerInvariant();
                    if (type is "submit" or "button" or "reset" or "image" or "file") break;
                    if (type is "checkbox" or "radio")
                    {
                        if (input.IsChecked) fields.Add(input.Name!, input.GetAttribute("value") ?? "on");
                        break;
                    }
                    fields.Add(input.Name!, input.Value ?? "");
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !select.IsDisabled:
                    var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault();
                    if (selected is not null) fields.Add(select.Name!, selected.Value ?? "");
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !area.IsDisabled:
                    fields.Add(area.Name!, area.Value ?? "");
                    break;
            }
        }
        return fields;
    }

    /// <summary>The value of a named input, select or textarea on the page.</summary>
    public string? Value(string name)
    {
        foreach (var element in Document.QuerySelectorAll($"[name='{name}']"))
        {
            switch (element)
            {
                case IHtmlInputElement input when (input.Type is not ("checkbox" or "radio")) || input.IsChecked: return input.Value;
                case IHtmlSelectElement select: return select.Value;
                case IHtmlTextAreaElement area: return area.Value;
            }
        }
        return null;
    }

    /// <summary>The rows of the contract register table.</summary>
    public IReadOnlyList<RegisterRow> RegisterRows =>
        Document.QuerySelectorAll("table.app-table-rows tbody tr").Select(tr =>
        {
            var cells = tr.QuerySelectorAll("td").Select(td => Browser.Normalise(td.TextContent)).ToList();
            var id = int.Parse(tr.QuerySelector("a")!.GetAttribute("href")!.Split('/').Last(), CultureInfo.InvariantCulture);
            return new RegisterRow(id, cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6]);
        }).ToList();

    public IElement? Find(string selector) => Document.QuerySelector(selector);
    public IReadOnlyList<IElement> FindAll(string selector) => Document.QuerySelectorAll(selector).ToList();
}

public sealed record RegisterRow(int Id, string Reference, string Title, string Provider, string Form, string Status, string CurrentEnd, string Value);

/// <summary>Form fields in order; a name may repeat, as checkboxes do.</summary>
public sealed class FormFields : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public void Add(string name, string value) => _fields.Add(KeyValuePair.Create(name, value));

    /// <summary>Replaces every value of <paramref name="name"/> with one value (adding it if missing).</summary>
    public FormFields Set(string name, string value)
    {
        var at = _fields.FindIndex(f => f.Key == name);
        _fields.RemoveAll(f => f.Key == name);
        if (at < 0 || at > _fields.Count) _fields.Add(KeyValuePair.Create(name, value));
        else _fields.Insert(at, KeyValuePair.Create(name, value));
        return this;
    }

    public FormFields Remove(string name)
    {
        _fields.RemoveAll(f => f.Key == name);
        return this;
    }

    /// <summary>Removes every field whose name starts with <paramref name="prefix"/>.</summary>
    public FormFields RemoveStartingWith(string prefix)
    {
        _fields.RemoveAll(f => f.Key.StartsWith(prefix, StringComparison.Ordinal));
        return this;
    }

    public string? this[string name] => _fields.Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();

    public IReadOnlyList<string> All(string name) => _fields.Where(f => f.Key == name).Select(f => f.Value).ToList();

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _fields.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
