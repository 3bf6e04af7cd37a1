using System.Globalization;
using Microsoft.Playwright;

namespace Commissioning.BrowserTests;

/// <summary>Filling GOV.UK form fields by their labels, as a person would.</summary>
public static class Fill
{
    /// <summary>
    /// Types into the field labelled <paramref name="label"/>; when the field is a list to choose
    /// from, chooses the option reading <paramref name="value"/>, or else the first real option.
    /// </summary>
    public static async Task FieldAsync(IPage page, string label, string value) =>
        await FieldAsync(page.GetByLabel(label, new() { Exact = true }), value);

    public static async Task FieldAsync(ILocator field, string value)
    {
        if (await field.EvaluateAsync<string>("e => e.tagName") != "SELECT")
        {
            await field.FillAsync(value);
            return;
        }
        var options = await field.Locator("option").AllAsync();
        foreach (var option in options)
            if ((await option.TextContentAsync())?.Trim() == value)
            {
                await field.SelectOptionAsync(new SelectOptionValue { Label = value });
                return;
            }
        await FirstChoiceAsync(field);
    }

    /// <summary>Chooses the first option of a list that is not its "Choose…" prompt.</summary>
    public static async Task FirstChoiceAsync(IPage page, string label, int skip = 0) =>
        await FirstChoiceAsync(page.GetByLabel(label, new() { Exact = true }), skip);

    public static async Task FirstChoiceAsync(ILocator select, int skip = 0)
    {
        var values = await select.Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value).filter(v => v !== '')");
        await select.SelectOptionAsync(values[Math.Min(skip, values.Length - 1)]);
    }

    /// <summary>The GOV.UK date pattern: day, month and year boxes of the field with id <paramref name="id"/>.</summary>
    public static async Task DateAsync(IPage page, string id, DateOnly date)
    {
        await page.Locator($"#{id}-Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{id}-Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{id}-Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Ticks the first radio button of a group, when none is chosen yet.</summary>
    public static async Task FirstRadioAsync(IPage page, string name)
    {
        var radios = page.Locator($"input[type=radio][name='{name}']");
        if (await page.Locator($"input[type=radio][name='{name}']:checked").CountAsync() == 0)
            await radios.First.CheckAsync();
    }

    /// <summary>Presses the button with exactly this text and waits for the page it leads to.</summary>
    public static async Task PressAsync(IPage page, string button)
    {
        await Browse.ClickToNextPageAsync(page, Button(page, button));
    }

    /// <summary>The button with exactly this text; a text ending " *" matches any last word ("Save and issue version *").</summary>
    public static ILocator Button(IPage page, string text) => text.EndsWith(" *", StringComparison.Ordinal)
        ? page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(text[..^1]) + @"\S+$") })
        : page.GetByRole(AriaRole.Button, new() { Name = text, Exact = true });

    public static string Money(decimal pounds) => pounds.ToString("N2", CultureInfo.GetCultureInfo("en-GB"));
}
