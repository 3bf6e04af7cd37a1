namespace Commissioning.Web.Forms;

/// <summary>Field rules shared by every form, with messages in the GOV.UK style.</summary>
public static class ValidationRules
{
    public static IRuleBuilderOptionsConditions<T, string?> Money<T>(this IRuleBuilder<T, string?> rule, string label, bool required) =>
        rule.Custom((text, context) =>
        {
            if (MoneyMessage(text, label, required) is { } message) context.AddFailure(message);
        });

    /// <summary>What is wrong with a typed amount of money, or null when it is fine.</summary>
    public static string? MoneyMessage(string? text, string label, bool required)
    {
        if (!required && string.IsNullOrWhiteSpace(text)) return null;
        if (Domain.Common.Money.TryParse(text, out _, out var problem)) return null;
        return problem switch
        {
            MoneyProblem.Missing => $"Enter the {label}",
            MoneyProblem.Negative => $"The {label} must be £0.00 or more",
            MoneyProblem.FractionOfPenny => $"Enter the {label} to the nearest penny, like 1,234.56",
            MoneyProblem.TooLarge => $"The {label} must be less than £10,000,000,000",
            _ => $"Enter the {label} in pounds and pence, like 12,393,408.00",
        };
    }

    public static IRuleBuilderOptionsConditions<T, DateParts?> Date<T>(this IRuleBuilder<T, DateParts?> rule, string label, bool required) =>
        rule.Custom((parts, context) =>
        {
            parts ??= new DateParts();
            if (!required && parts.IsEmpty) return;
            if (parts.TryGetDate(out _, out var problem)) return;
            context.AddFailure(problem switch
            {
                DateProblem.Missing => $"Enter the {label}",
                DateProblem.Incomplete => $"The {label} must include a day, month and year",
                _ => $"The {label} must be a real date, like 1 4 2021",
            });
        });

    public static IRuleBuilderOptionsConditions<T, string?> WholeNumber<T>(this IRuleBuilder<T, string?> rule, string label, int min, int max, bool required = true) =>
        rule.Custom((text, context) =>
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                if (required) context.AddFailure($"Enter the {label}");
                return;
            }
            if (!int.TryParse(text.Trim(), out var n)) context.AddFailure($"The {label} must be a whole number, like 12");
            else if (n < min || n > max) context.AddFailure($"The {label} must be between {min} and {max}");
        });

    public const string ErrorOrderKey = "ErrorOrder";

    /// <summary>
    /// Copies validation failures into the page's ModelState under the form's prefix ("Input."),
    /// and remembers their order (the validator's rules follow the page) for the error summary.
    /// </summary>
    public static void AddTo(this FluentValidation.Results.ValidationResult result, Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, string prefix = "Input")
    {
        var order = page.ViewData[ErrorOrderKey] as List<string> ?? [];
        foreach (var failure in result.Errors)
        {
            var key = failure.PropertyName.Length == 0 ? prefix : $"{prefix}.{failure.PropertyName}";
            // One message per field: the first is the one to fix first.
            if (page.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0) continue;
            page.ModelState.AddModelError(key, failure.ErrorMessage);
            order.Add(key);
        }
        page.ViewData[ErrorOrderKey] = order;
    }

    public static int? ParseInt(string? text) => int.TryParse(text?.Trim(), out var n) ? n : null;

    public static Money? ParseMoney(string? text) => Domain.Common.Money.TryParse(text, out var m, out _) ? m : null;
}
