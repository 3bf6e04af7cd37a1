using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Identity;

namespace Commissioning.Web.Pages.Contracts;

/// <summary>What Create, Edit and Record renewal share: the form, its lists (providers, directorates, commissioners), its checks.</summary>
public abstract class ContractFormPage(CommissioningDbContext db) : PageModel
{
    [BindProperty] public ContractForm Input { get; set; } = new();

    public CommissioningForm Form { get; protected set; }
    public IReadOnlyList<(string Value, string Text)> Providers { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> Directorates { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> Commissioners { get; private set; } = [];

    // What the contract the form starts from (the one edited, or the one renewed) already names: offered even when a
    // directorate has since been retired or a person no longer has the Commissioner role, so saving keeps it.
    private int? _currentDirectorateId;
    private string? _currentCommissionerId;
    /// <summary>A historic commissioner name the form offers to keep (never taken from what is posted).</summary>
    public string? HistoricCommissioner { get; private set; }

    protected CommissioningDbContext Db => db;

    public ContractFieldsView Fields(bool referenceOptional) => new(Input, Form, Providers, Directorates, Commissioners, referenceOptional);

    /// <summary>Offers what <paramref name="source"/> names, whatever the lists now hold.</summary>
    protected void OfferChoicesOf(Contract source) =>
        (_currentDirectorateId, _currentCommissionerId, HistoricCommissioner) =
        (source.DirectorateId, source.ResponsibleCommissionerId, source.HistoricCommissionerName);

    /// <summary>
    /// The form's lists: providers; directorates not retired; people with the Commissioner role; and whatever the
    /// source contract names (a retired directorate marked as such, a historic name marked as not a user).
    /// </summary>
    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Providers = (await db.Providers.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => (Text(p.Id), p.Name)).ToList();
        Directorates = (await db.Directorates.AsNoTracking()
                .Where(d => d.RetiredAtUtc == null || d.Id == _currentDirectorateId)
                .OrderBy(d => d.Name).Select(d => new { d.Id, d.Name, Retired = d.RetiredAtUtc != null }).ToListAsync(ct))
            .Select(d => (Text(d.Id), d.Retired ? $"{d.Name} (retired)" : d.Name)).ToList();
        var commissioners = await db.UserRoles
            .Join(db.Roles.Where(r => r.Name == Roles.Commissioner), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId)
            .ToListAsync(ct);
        var people = (await db.Users.AsNoTracking()
                .Where(u => commissioners.Contains(u.Id) || u.Id == _currentCommissionerId)
                .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(u => (u.Id, u.DisplayName)).ToList();
        if (HistoricCommissioner is { } historic)
            people.Insert(0, (ContractForm.KeepHistoricCommissioner, $"{historic} {People.NotAUser}"));
        Commissioners = people;
    }

    private static string Text(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"Add another line" posts the form back with one more spare row; nothing is checked or saved.</summary>
    protected async Task<IActionResult> AddRowAsync(string? section, CancellationToken ct)
    {
        ModelState.Clear();
        Input.DropBlankRows();
        Input.AddRow(section);
        Input.AddSpareRows(Form);
        await LoadChoicesAsync(ct);
        return Page();
    }

    /// <summary>Field checks, then the reference's uniqueness. True when the form can be applied.</summary>
    protected async Task<bool> ValidateAsync(bool referenceRequired, int? exceptContractId, CancellationToken ct)
    {
        Input.DropBlankRows();
        var providerIds = (await db.Providers.Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        await LoadChoicesAsync(ct);
        var choices = new ContractChoices(
            Directorates.Select(d => int.Parse(d.Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet(),
            Commissioners.Select(c => c.Value).Where(v => v != ContractForm.KeepHistoricCommissioner).ToHashSet(), HistoricCommissioner);
        new ContractFormValidator(Form, providerIds, referenceRequired, choices).Validate(Input).AddTo(this);
        if (!string.IsNullOrWhiteSpace(Input.Reference)
            && ModelState.GetFieldValidationState("Input.Reference") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            var reference = Input.Reference.Trim().ToUpperInvariant();
            var holder = await db.Contracts.Where(c => c.Reference == reference && c.Id != exceptContractId).Select(c => c.Title).FirstOrDefaultAsync(ct);
            if (holder is not null) ModelState.AddModelError("Input.Reference", $"The reference {reference} is already used by \u201c{holder}\u201d: enter another, or leave it blank to have one made");
        }
        return ModelState.IsValid;
    }

    /// <summary>Runs a change to the aggregate; a broken business rule becomes a message at its field.</summary>
    protected bool TryApply(Action change)
    {
        try
        {
            change();
            return true;
        }
        catch (BusinessRuleException e)
        {
            ModelState.AddModelError(ContractForm.FieldFor(e.Rule), e.Message);
            return false;
        }
    }

    /// <summary>
    /// Builds a new contract of this page's form from the checked form, lets the caller link it
    /// (a renewal names its predecessor) and saves it. Null, with messages in ModelState, when a
    /// rule is broken or someone else took the reference or the renewal a moment earlier.
    /// </summary>
    protected async Task<Contract?> SaveNewAsync(Action<Contract>? link, CancellationToken ct)
    {
        var reference = string.IsNullOrWhiteSpace(Input.Reference)
            ? await ContractReferences.NextAsync(db, Input.StartDate.ToDate()!.Value.Year, ct)
            : Input.Reference;
        Contract? contract = null;
        if (!TryApply(() => contract = Build(reference, link))) return null;
        try
        {
            // The value typed at creation is the first year's agreed value (later years need a review):
            // contract and value commit together. A retry (a failover, a busy database) builds both again.
            return await db.InTransactionAsync(async attempt =>
            {
                contract = Build(reference, link);
                db.Contracts.Add(contract);
                await db.SaveChangesAsync(attempt);
                if (contract.AnnualValue is { } value)
                {
                    var clock = HttpContext.RequestServices.GetRequiredService<IClock>();
                    db.AnnualValueReviews.Add(AnnualValueReview.OpeningEntry(contract.Id, contract.CurrentTerm, value, User.AsActor(), clock.UtcNow));
                    await db.SaveChangesAsync(attempt);
                }
                return contract;
            }, ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Two saves at once can both be given the next reference, or both renew one contract:
            // the unique indexes refuse the second, and the person is told rather than shown a 500.
            db.ChangeTracker.Clear();
            if (await db.Contracts.AnyAsync(c => c.Reference == contract!.Reference, ct))
            {
                ModelState.AddModelError("Input.Reference", $"The reference {contract!.Reference} was taken a moment ago: save again to get the next one, or enter another");
                Input.Reference = null;
                return null;
            }
            if (contract!.PredecessorId is { } renewed && await db.Contracts.AnyAsync(c => c.PredecessorId == renewed, ct))
            {
                ModelState.AddModelError("", "Someone else recorded this renewal a moment ago: a contract is renewed once.");
                return null;
            }
            throw;
        }
    }

    private Contract Build(string reference, Action<Contract>? link)
    {
        var contract = Input.CreateContract(Form);
        Input.ApplyTo(contract, reference, HistoricCommissioner);
        link?.Invoke(contract);
        return contract;
    }

    /// <summary>Shows the page again with what was typed, plus spare rows.</summary>
    protected async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        Input.AddSpareRows(Form);
        await LoadChoicesAsync(ct);
        return Page();
    }
}

public sealed record ContractFieldsView(ContractForm Input, CommissioningForm Form, IReadOnlyList<(string Value, string Text)> Providers,
    IReadOnlyList<(string Value, string Text)> Directorates, IReadOnlyList<(string Value, string Text)> Commissioners, bool ReferenceOptional);
