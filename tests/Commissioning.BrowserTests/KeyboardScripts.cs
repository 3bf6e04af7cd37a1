using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace Commissioning.BrowserTests;

/// <summary>The element that has focus, as the page sees it.</summary>
public sealed record Focused(
    [property: JsonPropertyName("kbd")] string? Kbd,
    [property: JsonPropertyName("tag")] string Tag,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("describe")] string Describe,
    [property: JsonPropertyName("checked")] bool Checked,
    [property: JsonPropertyName("inMain")] bool InMain,
    [property: JsonPropertyName("indicator")] bool Indicator,
    [property: JsonPropertyName("style")] string Style);

public sealed record Focusable(
    [property: JsonPropertyName("kbd")] string Kbd,
    [property: JsonPropertyName("describe")] string Describe,
    [property: JsonPropertyName("group")] string? Group,
    [property: JsonPropertyName("inMain")] bool InMain);

public sealed record FocusableSurvey(
    [property: JsonPropertyName("items")] Focusable[] Items,
    [property: JsonPropertyName("positive")] string[] PositiveTabIndex);

/// <summary>Scripts run in the page to see where keyboard focus is and whether a person can see it.</summary>
public static class KeyboardScripts
{
    // Shared by the scripts below: a short, readable name for an element in a failure message.
    private const string Describe = """
        const describe = el => {
          if (!el || el === document.body) return 'body';
          const label = (el.labels && el.labels[0] ? el.labels[0].innerText : '') || el.getAttribute('aria-label') || el.innerText || el.value || '';
          return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.getAttribute('name') ? `[name="${el.getAttribute('name')}"]` : '')
            + (el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : '') + ` "${label.trim().replace(/\s+/g, ' ').slice(0, 60)}"`;
        };
        const snapshot = el => {
          const s = getComputedStyle(el);
          const own = { outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, boxShadow: s.boxShadow, background: s.backgroundColor, border: `${s.borderTopWidth} ${s.borderTopColor} ${s.borderBottomWidth} ${s.borderBottomColor}` };
          // GOV.UK radios and checkboxes hide the input and draw focus on its label's ::before.
          if ((el.type === 'radio' || el.type === 'checkbox') && el.labels && el.labels[0]) {
            const b = getComputedStyle(el.labels[0], '::before');
            own.label = `${b.outlineStyle} ${b.outlineWidth} ${b.outlineColor} | ${b.boxShadow} | ${b.borderTopWidth}`;
            own.labelShadow = b.boxShadow;
          }
          return own;
        };
        """;

    /// <summary>
    /// Numbers every visible, enabled element that Tab should reach (data-kbd), notes how each looks
    /// without focus, and lists any element with a positive tabindex.
    /// </summary>
    public const string Survey = "() => {" + Describe + """
          const selector = "a[href], button, input, select, textarea, summary, [contenteditable=''], [contenteditable='true'], [tabindex]";
          const visible = el => {
            if (el.closest('[hidden], [inert]')) return false;
            const s = getComputedStyle(el);
            return s.visibility !== 'hidden' && s.display !== 'none' && el.getClientRects().length > 0;
          };
          const items = [];
          window.__kbdBaseline = {};
          let n = 0;
          for (const el of document.querySelectorAll(selector)) {
            if (el.getAttribute('tabindex') === '-1' || (el.tagName === 'INPUT' && el.type === 'hidden') || el.disabled || !visible(el)) continue;
            const kbd = String(n++);
            el.setAttribute('data-kbd', kbd);
            window.__kbdBaseline[kbd] = snapshot(el);
            // Tab reaches one radio of a group; the arrow keys choose among them.
            const group = el.type === 'radio' && el.name ? 'radio:' + el.name : null;
            items.push({ kbd, describe: describe(el), group, inMain: !!el.closest('#main-content') });
          }
          const positive = [...document.querySelectorAll('[tabindex]')].filter(e => parseInt(e.getAttribute('tabindex'), 10) > 0)
            .map(e => describe(e) + ` tabindex="${e.getAttribute('tabindex')}"`);
          return { items, positive };
        }
        """;

    /// <summary>
    /// The focused element, and whether its focus can be seen: a visible outline, a box shadow or
    /// GOV.UK's yellow (#ffdd00) background that it does not have without focus.
    /// </summary>
    public const string Current = "() => {" + Describe + """
          const el = document.activeElement;
          if (!el || el === document.body || el === document.documentElement) return null;
          const now = snapshot(el);
          const before = (window.__kbdBaseline || {})[el.getAttribute('data-kbd')] || {};
          const opaque = c => c && c !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(c);
          const s = getComputedStyle(el);
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && opaque(s.outlineColor) && now.outline !== before.outline;
          const shadow = now.boxShadow !== 'none' && now.boxShadow !== before.boxShadow;
          const yellow = now.background === 'rgb(255, 221, 0)' && before.background !== now.background;
          const label = now.label !== undefined && now.label !== before.label && (now.labelShadow !== 'none' || /solid|dotted|dashed|double/.test(now.label));
          const border = now.border !== before.border;
          return {
            kbd: el.getAttribute('data-kbd'), tag: el.tagName.toLowerCase(), id: el.id || '', type: el.getAttribute('type') || '',
            text: (el.innerText || el.value || '').trim(), describe: describe(el), checked: !!el.checked,
            inMain: !!el.closest('#main-content'), indicator: outline || shadow || yellow || label || border,
            style: `outline: ${now.outline}; box-shadow: ${now.boxShadow}; background: ${now.background}; border: ${now.border}` + (now.label ? `; label::before: ${now.label}` : '')
              + ` (without focus: outline: ${before.outline}; box-shadow: ${before.boxShadow}; background: ${before.background})`,
          };
        }
        """;

    /// <summary>
    /// Puts the keyboard back at the top of the document, as on a fresh load: focus the body, so
    /// the next Tab starts from the first element.
    /// </summary>
    public const string FocusTop = """
        () => {
          if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
          const b = document.body;
          b.setAttribute('tabindex', '-1');
          b.focus({ preventScroll: true });
          b.removeAttribute('tabindex');
          window.scrollTo(0, 0);
        }
        """;

    public static async Task<Focused?> FocusedAsync(IPage page) => await EvaluateAsync<Focused>(page, Current);

    /// <summary>Runs a script and reads its JSON answer into a record (Playwright's own conversion needs setters).</summary>
    public static async Task<T?> EvaluateAsync<T>(IPage page, string script) where T : class
    {
        var answer = await page.EvaluateAsync<JsonElement?>(script);
        return answer is { ValueKind: JsonValueKind.Object } json ? json.Deserialize<T>() : null;
    }

    /// <summary>Presses Tab until the focused element matches, as a person looking for it would.</summary>
    public static async Task<Focused> TabToAsync(IPage page, Func<Focused, bool> wanted, string what, int limit = 120)
    {
        var seen = new List<string>();
        for (var i = 0; i < limit; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await FocusedAsync(page);
            if (focused is not null && wanted(focused)) return focused;
            seen.Add(focused?.Describe ?? "body");
        }
        throw new Xunit.Sdk.XunitException($"Tab never reached {what} on {page.Url} in {limit} presses. Focus went to:\n  " + string.Join("\n  ", seen));
    }
}
