using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;

namespace Commissioning.Infrastructure.Import;

/// <summary>What every row of one dry run shares.</summary>
internal sealed record PlanContext(ImportSettings Settings, RegisterSnapshot Register, ProviderMatching Providers,
    IReadOnlyDictionary<string, List<int>> Duplicates, RegisterNames Names);

/// <summary>
/// Decides one row: skip, refuse (with every reason found), create, update (with each field's old and new value and
/// whether it is a conflict) or unchanged. The row's contract is built through the domain's constructors and methods,
/// so a broken rule becomes a <see cref="RowProblem"/>, never an exception.
/// </summary>
internal sealed class RowPlanner(RowFile f, PlanContext context)
{
    /// <summary>The order fields are compared and listed in.</summary>
    private static readonly string[] FieldOrder =
    [
        ImportFields.Title, ImportFields.Description, ImportFields.Provider, ImportFields.Members, ImportFields.Directorate,
        ImportFields.Category, ImportFields.Route, ImportFields.Commissioner, ImportFields.Start, ImportFields.End,
        ImportFields.MaxEnd, ImportFields.Notice, ImportFields.Annual, ImportFields.RateCard,
    ];

    private readonly List<RowProblem> _problems = [];
    private readonly List<string> _notices = [.. f.Notices];
    private readonly HashSet<string> _given = [];
    private ImportSettings Settings => context.Settings;
    private RegisterSnapshot Register => context.Register;

    public RowWork Plan()
    {
        if (!f.AnyMapped)
            return new RowWork(new PlannedRow(f.RowNumber, null, RowOutcome.Skip, [], [],
                [f.Blank ? "The row is blank." : "Nothing in the columns being imported."]), null, null, []);
        _problems.AddRange(f.Problems);
        if (f.Reference is null)
        {
            if (!f.Cells.ContainsKey(ImportField.Reference))
                Problem(ImportField.Reference, "Every row needs a reference: the register knows each contract by it.");
            return Refuse(null);
        }
        var reference = f.Reference;
        if (context.Duplicates.TryGetValue(reference, out var rows))
            Problem(ImportField.Reference, $"The reference {reference} is also on {RowList(rows.Where(r => r != f.RowNumber).ToList())}: " +
                "a reference can appear once in a file. Correct the file and upload it again.");
        var existing = Register.Contracts.GetValueOrDefault(reference);
        if (existing is { IsWithdrawn: true })
            Problem(ImportField.Reference, $"The register's contract {reference} was withdrawn as entered in error on " +
                $"{Dates.Long(existing.WithdrawnAtUtc!.Value)}: its reference cannot be imported again.");
        if (_problems.Count > 0) return Refuse(existing);

        var before = existing is null ? null : ContractShape.FromContract(existing, Register.AgreedFor(existing.Id));
        var file = FileShape(reference, existing, before);
        if (file is null || _problems.Count > 0) return Refuse(existing);
        if (existing is null) return Create(file);
        return Compare(existing, before!, file);
    }

    private RowWork Create(ContractShape shape)
    {
        CheckYears(shape);
        Validate(shape, null);
        if (_problems.Count > 0) return Refuse(null);
        var row = new PlannedRow(f.RowNumber, shape.Reference, RowOutcome.Create, [], [], _notices);
        return new RowWork(row, shape, null, FieldOrder.Where(_given.Contains).Concat(_given.Where(g => ImportFields.YearOf(g) is not null).Order()).ToList());
    }

    private RowWork Compare(Contract existing, ContractShape before, ContractShape file)
    {
        var imported = Register.Imported.GetValueOrDefault(existing.Id) ?? [];
        var changes = new List<FieldChange>();
        var record = new List<string>();
        var kept = new HashSet<string>();
        var keys = FieldOrder.Where(_given.Contains).Concat(_given.Where(g => ImportFields.YearOf(g) is not null).Order());
        foreach (var key in keys)
        {
            var now = ImportFields.Canonical(key, before, Same);
            var wanted = ImportFields.Canonical(key, file, Same);
            var wasImported = imported.TryGetValue(key, out var last);
            if (wanted == now)
            {
                // The register agrees with the file: the import stands behind the value from now on.
                if (!wasImported || last != wanted) record.Add(key);
                continue;
            }
            // Changed in the app since the last import (or never imported), and not blank: the person's change is not lost silently.
            var conflict = wasImported ? last != now : !string.IsNullOrEmpty(now);
            changes.Add(new FieldChange(ImportFields.Label(key), ImportFields.Display(key, before, context.Names),
                ImportFields.Display(key, file, context.Names), conflict));
            if (conflict && !Settings.OverwriteAppChanges) kept.Add(key);
            else record.Add(key);
        }
        var shape = kept.Count == 0 ? file : Keep(file, before, kept);
        var termChanged = shape.Start != before.Start || shape.End != before.End || shape.MaxEnd != before.MaxEnd;
        if (termChanged && existing.ExercisedOptionCount > 0)
            Problem(ImportField.EndDate, $"{existing.Reference} has had an extension option exercised in the register: change its dates there " +
                "(Extend or Vary), not by an import.");
        CheckYears(shape);
        Validate(shape, existing);
        if (_problems.Count > 0) return Refuse(existing);

        var updates = changes.Count(c => !kept.Contains(KeyOf(c)));
        if (kept.Count > 0)
            _notices.Add($"{Plural(kept.Count, "field")} changed in the app since the last import {(kept.Count == 1 ? "is" : "are")} left as the register has {(kept.Count == 1 ? "it" : "them")}.");
        var outcome = updates > 0 ? RowOutcome.Update : RowOutcome.Unchanged;
        var row = new PlannedRow(f.RowNumber, existing.Reference, outcome, [], changes, _notices, existing.Id);
        return new RowWork(row, shape, existing, record);
    }

    private string KeyOf(FieldChange change) => _given.First(k => ImportFields.Label(k) == change.Field);

    /// <summary>The file's contract: the register's values (or, for a new contract, the file's defaults) with the file's laid over them.</summary>
    private ContractShape? FileShape(string reference, Contract? existing, ContractShape? before)
    {
        var form = ResolveForm(existing);
        var title = f.Title ?? before?.Title;
        if (f.Title is not null) _given.Add(ImportFields.Title);
        if (title is null) Problem(ImportField.Title, "Every new contract needs a title.");
        if (f.Description is not null) _given.Add(ImportFields.Description);

        var directorate = ResolveDirectorate(existing);
        var category = f.Category ?? before?.Category ?? Settings.Defaults.ServiceCategory;
        if (f.Category is not null) _given.Add(ImportFields.Category);
        var route = f.Route ?? before?.Route ?? Settings.Defaults.ProcurementRoute;
        if (f.Route is not null) _given.Add(ImportFields.Route);
        var commissioner = ResolveCommissioner(before);

        var (provider, members) = form == CommissioningForm.Consortium ? ResolveMembers(before) : (ResolveProvider(before, existing is null), []);

        var start = f.Start ?? before?.Start;
        var end = f.End ?? before?.End;
        if (f.Start is not null) _given.Add(ImportFields.Start);
        if (f.End is not null) _given.Add(ImportFields.End);
        if (start is null) Problem(ImportField.StartDate, "Every new contract needs a start date.");
        if (end is null) Problem(ImportField.EndDate, "Every new contract needs an end date.");
        if (start is { } s0 && end is { } e0 && e0 < s0)
            Problem(ImportField.EndDate, $"The end date ({Dates.Long(e0)}) is before the start date ({Dates.Long(s0)}).");
        if (form is null || title is null || directorate is null || start is null || end is null || _problems.Count > 0) return null;

        var options = before?.OptionMonths ?? [];
        if (f.MaxEnd is { } max)
        {
            _given.Add(ImportFields.MaxEnd);
            if (OptionsTo(end.Value, max) is { } o) options = o;
        }
        var annual = ResolveAnnual(start.Value, end.Value, before);
        var years = new Dictionary<int, Money>(before?.Years ?? new Dictionary<int, Money>());
        foreach (var (year, amount) in f.Years)
        {
            years[year] = amount;
            _given.Add(ImportFields.Year(year));
        }
        // A new contract given no year's value has its annual value agreed for its first year, as one typed in has.
        if (existing is null && f.Years.Count == 0 && annual is { } a) years[FinancialYear.Containing(start.Value).StartYear] = a;
        if (f.RateCard is not null) _given.Add(ImportFields.RateCard);

        return new ContractShape
        {
            Form = form.Value,
            Reference = reference,
            Title = title,
            Description = f.Description ?? before?.Description,
            Category = category,
            DirectorateId = directorate.Value,
            Commissioner = commissioner,
            Route = route,
            IsKeyDecision = before?.IsKeyDecision ?? false,
            Confidentiality = before?.Confidentiality ?? Confidentiality.Open,
            Start = start.Value,
            End = end.Value,
            OptionMonths = options,
            Notice = f.Notice ?? before?.Notice ?? 0,
            BreakClause = before?.BreakClause,
            ProviderId = provider,
            Members = members,
            Annual = annual,
            RateCard = f.RateCard ?? before?.RateCard ?? [],
            Years = years,
        };
    }

    private CommissioningForm? ResolveForm(Contract? existing)
    {
        if (f.Form is { } stated && existing is not null && stated != existing.Form)
        {
            Problem(ImportField.Form, $"The register holds {existing.Reference} as a {ImportLabels.Of(existing.Form).ToLowerInvariant()} contract: " +
                "an import cannot change a contract's form.");
            return null;
        }
        var form = f.Form ?? existing?.Form ?? Settings.Defaults.Form;
        if (form is null)
            Problem(ImportField.Form, "This row does not say whether the contract is block, spot, lead provider or consortium: " +
                "map a column that says, or choose a form for the whole file.");
        return form;
    }

    private int? ResolveDirectorate(Contract? existing)
    {
        if (f.Directorate is { } name)
        {
            _given.Add(ImportFields.Directorate);
            var id = Register.DirectorateNamed(name);
            if (id is null)
                Problem(ImportField.Directorate, $"The register has no directorate called \u201c{name}\u201d: an administrator adds it under " +
                    "Directorates, or leave the cell blank to use the file's default directorate.");
            else if (Register.Directorates[id.Value].Retired && id != existing?.DirectorateId)
                Problem(ImportField.Directorate, $"The directorate \u201c{Register.Directorates[id.Value].Name}\u201d is retired: contracts can no longer be given it.");
            return id;
        }
        if (existing is not null) return existing.DirectorateId;
        if (Settings.Defaults.DirectorateId is not { } chosen)
        {
            Problem(ImportField.Directorate, "This row names no directorate: map a directorate column, or choose a directorate for the whole file.");
            return null;
        }
        if (!Register.Directorates.ContainsKey(chosen))
        {
            Problem(ImportField.Directorate, "The directorate chosen for the file is no longer in the register: choose again.");
            return null;
        }
        return chosen;
    }

    private ResponsibleCommissioner ResolveCommissioner(ContractShape? before)
    {
        if (f.Commissioner is { } name)
        {
            _given.Add(ImportFields.Commissioner);
            if (Register.CommissionersByName.TryGetValue(ImportLabels.Key(name), out var id)) return ResponsibleCommissioner.User(id);
            _notices.Add($"\u201c{name}\u201d is not a commissioner in the register: kept as a name until someone picks a user.");
            return ResponsibleCommissioner.Historic(name);
        }
        if (before is not null) return before.Commissioner;
        if (Settings.Defaults.ResponsibleCommissionerId is not { Length: > 0 } user) return ResponsibleCommissioner.Historic("Not recorded");
        if (!Register.People.ContainsKey(user))
            Problem(ImportField.ResponsibleCommissioner, "The responsible commissioner chosen for the file is not a user of the register: choose again.");
        return ResponsibleCommissioner.User(user);
    }

    private int? ResolveProvider(ContractShape? before, bool isNew)
    {
        if (f.ProviderName is { } name)
        {
            _given.Add(ImportFields.Provider);
            return Matched(ImportField.ProviderName, name, f.ProviderNumber);
        }
        if (f.ProviderNumber is { } number)
        {
            _given.Add(ImportFields.Provider);
            if (context.Providers.ByNumber(number) is { } known) return known.Id;
            Problem(ImportField.ProviderRegistrationNumber, "No provider in the register has this registration number: add the provider's name so it can be created.");
            return null;
        }
        if (isNew) Problem(ImportField.ProviderName, "Every new contract needs a provider: map the provider's name.");
        return before?.ProviderId;
    }

    /// <summary>A consortium's members, lead first: the provider column's provider if it is a member, else the first named.</summary>
    private (int? Lead, IReadOnlyList<int> Members) ResolveMembers(ContractShape? before)
    {
        if (f.Members is not { } names)
        {
            if (before is null) return f.ProviderName is { } only ? (Matched(ImportField.ProviderName, only, f.ProviderNumber), Listed(only)) : (null, []);
            return (before.ProviderId, before.Members);
        }
        _given.Add(ImportFields.Members);
        var ids = names.Select(n => Matched(ImportField.ConsortiumMembers, n, null)).ToList();
        if (ids.Any(i => i is null)) return (null, []);
        var members = ids.Select(i => i!.Value).ToList();
        if (f.ProviderName is { } leadName && Matched(ImportField.ProviderName, leadName, f.ProviderNumber) is { } lead && members.Remove(lead))
            members.Insert(0, lead);
        return (members.FirstOrDefault(), members);

        IReadOnlyList<int> Listed(string name) => Matched(ImportField.ProviderName, name, f.ProviderNumber) is { } id ? [id] : [];
    }

    private int? Matched(ImportField field, string name, string? number)
    {
        var match = context.Providers.Match(name, number);
        if (match.Problem is { } problem)
        {
            Problem(field, problem);
            return null;
        }
        if (match.Notice is { } notice && !_notices.Contains(notice)) _notices.Add(notice);
        return match.ExistingId ?? context.Providers.PlaceholderFor(match.NewKey!);
    }

    /// <summary>The annual value: the annual value column; else the total value over the term; else (new contracts) the first year's value.</summary>
    private Money? ResolveAnnual(DateOnly start, DateOnly end, ContractShape? before)
    {
        if (f.Annual is { } annual)
        {
            _given.Add(ImportFields.Annual);
            if (f.Total is not null) _notices.Add("The total value is not used: the annual value column gives the annual value.");
            return annual;
        }
        if (f.Total is { } total)
        {
            _given.Add(ImportFields.Annual);
            return FromTotal(total, start, end);
        }
        if (before is not null) return before.Annual;
        if (f.Years.Count > 0)
        {
            var (year, amount) = f.Years.First();
            _notices.Add($"The annual value is taken from the first financial year given ({new FinancialYear(year)}: {amount}).");
            return amount;
        }
        return null;
    }

    /// <summary>
    /// A total over the term (start to end date) as an annual value, to the nearest penny (halves away from zero):
    /// total × 12 ÷ months when the term is whole months, else total × 365 ÷ days. The notice shows the working.
    /// </summary>
    private Money FromTotal(Money total, DateOnly start, DateOnly end)
    {
        decimal annual;
        string working;
        if (WholeMonths(start, end) is { } months)
        {
            annual = decimal.Round(total.Amount * 12m / months, 2, MidpointRounding.AwayFromZero);
            working = $"over the {months}-month term: {total} \u00d7 12 \u00f7 {months}";
        }
        else
        {
            var days = end.DayNumber - start.DayNumber + 1;
            annual = decimal.Round(total.Amount * 365m / days, 2, MidpointRounding.AwayFromZero);
            working = $"over the term of {days} days: {total} \u00d7 365 \u00f7 {days}";
        }
        var money = Money.Pounds(annual);
        _notices.Add($"Annual value {money} worked out from the total value {working}, to the nearest penny.");
        return money;
    }

    internal static int? WholeMonths(DateOnly start, DateOnly end)
    {
        var guess = (end.Year - start.Year) * 12 + end.Month - start.Month;
        foreach (var m in new[] { guess, guess + 1, guess - 1 })
            if (m is >= 1 and <= Contract.MaxTermMonths && DateRange.OfMonths(start, m).End == end) return m;
        return null;
    }

    /// <summary>One extension option reaching <paramref name="max"/> from <paramref name="end"/> (none when they are the same day).</summary>
    private List<int>? OptionsTo(DateOnly end, DateOnly max)
    {
        if (max == end) return [];
        if (max < end)
        {
            Problem(ImportField.MaximumEndDate, $"The maximum end date ({Dates.Long(max)}) is before the end date ({Dates.Long(end)}).");
            return null;
        }
        var guess = (max.Year - end.Year) * 12 + max.Month - end.Month;
        foreach (var m in new[] { guess, guess + 1, guess - 1 })
            if (m is >= 1 and <= Contract.MaxTermMonths && Contract.Extend(end, m) == max) return [m];
        Problem(ImportField.MaximumEndDate, $"The maximum end date ({Dates.Long(max)}) is not a whole number of months after the end date " +
            $"({Dates.Long(end)}): the register extends a contract by whole months.");
        return null;
    }

    /// <summary>The file's shape with the conflicting fields put back as the register has them.</summary>
    private ContractShape Keep(ContractShape file, ContractShape before, HashSet<string> kept)
    {
        var s = file;
        var years = new Dictionary<int, Money>(file.Years);
        foreach (var key in kept)
        {
            if (ImportFields.YearOf(key) is { } y)
            {
                if (before.Years.TryGetValue(y, out var m)) years[y] = m;
                else years.Remove(y);
                continue;
            }
            s = key switch
            {
                ImportFields.Title => s with { Title = before.Title },
                ImportFields.Description => s with { Description = before.Description },
                ImportFields.Provider => s with { ProviderId = before.ProviderId },
                ImportFields.Members => s with { Members = before.Members, ProviderId = before.ProviderId },
                ImportFields.Directorate => s with { DirectorateId = before.DirectorateId },
                ImportFields.Category => s with { Category = before.Category },
                ImportFields.Route => s with { Route = before.Route },
                ImportFields.Commissioner => s with { Commissioner = before.Commissioner },
                ImportFields.Start => s with { Start = before.Start },
                ImportFields.End => s with { End = before.End },
                ImportFields.MaxEnd => s with { OptionMonths = before.OptionMonths },
                ImportFields.Notice => s with { Notice = before.Notice },
                ImportFields.Annual => s with { Annual = before.Annual },
                ImportFields.RateCard => s with { RateCard = before.RateCard },
                _ => s,
            };
        }
        s = s with { Years = years };
        // A maximum end date the file gives, and which stands, is reached from whichever end date stands.
        if (f.MaxEnd is { } max && !kept.Contains(ImportFields.MaxEnd) && s.MaxEnd != max && OptionsTo(s.End, max) is { } options)
            s = s with { OptionMonths = options };
        return s;
    }

    /// <summary>Each year the file gives must fall within the contract's current term.</summary>
    private void CheckYears(ContractShape shape)
    {
        foreach (var (year, cell) in f.YearCells)
        {
            var rule = new ReviewYearMustFallWithinTermRule(shape.CurrentTerm, new FinancialYear(year));
            if (rule.IsBroken()) _problems.Add(new RowProblem(f.RowNumber, cell.Header, cell.Value, rule.Message));
        }
    }

    /// <summary>Builds the contract through the domain; a broken rule is a problem at the column it concerns.</summary>
    private void Validate(ContractShape shape, Contract? existing)
    {
        try
        {
            var subContracts = existing is LeadProviderContract l
                ? l.SubContracts.Select(x => new SubContract(x.ProviderId, x.Service, x.AnnualValue)).ToList()
                : null;
            shape.Build(Same, subContracts);
        }
        catch (BusinessRuleException e)
        {
            Problem(ColumnFor(e.Rule), e.Message);
        }
        catch (MissingValueException e)
        {
            Problem(ImportField.AnnualValue, e.Message);
        }
        catch (ArgumentException e)
        {
            Problem(ImportField.Reference, e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static ImportField ColumnFor(IBusinessRule rule) => rule switch
    {
        SpotContractNeedsARateCardRule => ImportField.RateCard,
        ConsortiumNeedsTwoMembersRule or ConsortiumNeedsExactlyOneLeadRule or ConsortiumMembersMustBeDistinctRule => ImportField.ConsortiumMembers,
        LeadProviderMustBeAPartyRule or LeadProviderCannotSubContractToItselfRule => ImportField.ProviderName,
        SubContractsCannotExceedContractValueRule => ImportField.AnnualValue,
        ExtensionOptionsMustBeUsedInOrderRule => ImportField.MaximumEndDate,
        _ => ImportField.Form,
    };

    private RowWork Refuse(Contract? existing) =>
        new(new PlannedRow(f.RowNumber, f.Reference, RowOutcome.Refuse, _problems, [], _notices, existing?.Id), null, existing, []);

    private void Problem(ImportField field, string reason) => _problems.Add(new RowProblem(f.RowNumber, f.Header(field), f.Value(field), reason));

    private static int Same(int id) => id;

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";

    private static string RowList(IReadOnlyList<int> rows) =>
        rows.Count == 1 ? $"row {rows[0]}" : $"rows {string.Join(", ", rows.Take(rows.Count - 1))} and {rows[^1]}";
}
