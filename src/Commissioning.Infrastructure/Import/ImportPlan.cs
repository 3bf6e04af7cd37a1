using Commissioning.Domain.Contracts;

namespace Commissioning.Infrastructure.Import;

// Owner: the "planning" part. These records are what the pages show; the planner may add members.

public enum RowOutcome { Create, Update, Unchanged, Skip, Refuse }

/// <summary>
/// What applies to a new contract whose row does not say: the form, directorate, category and route chosen for the
/// file, and the responsible commissioner (a user id; none: "Not recorded" until someone picks one). A row for a
/// contract already in the register keeps the register's values for what it does not say.
/// </summary>
public sealed record ImportDefaults(CommissioningForm? Form, int? DirectorateId,
    ServiceCategory ServiceCategory = ServiceCategory.Other, ProcurementRoute ProcurementRoute = ProcurementRoute.OpenTender,
    string? ResponsibleCommissionerId = null);

/// <summary>For a provider the file names but the register does not hold: map it to an existing one, or (null) create it.</summary>
public sealed record ProviderChoice(string Name, int? ExistingProviderId);

/// <summary>
/// Everything the user chose for one file: the mapping, the defaults, the providers. A field changed in the app
/// since the last import (a conflict) is left as the register has it, unless <paramref name="OverwriteAppChanges"/>:
/// then the file's value is taken there too (the dry run still marks it as a conflict).
/// </summary>
public sealed record ImportSettings(ColumnMapping Mapping, ImportDefaults Defaults, IReadOnlyList<ProviderChoice> ProviderChoices,
    bool OverwriteAppChanges = false);

/// <summary>Why a cell stops its row being imported, as the report lists it.</summary>
public sealed record RowProblem(int RowNumber, string Column, string Value, string Reason);

/// <summary>A field an update changes (old → new); a conflict is a field changed in the app since the last import.</summary>
public sealed record FieldChange(string Field, string? Old, string? New, bool IsConflict = false);

/// <summary>One row of the file and what the commit would do with it; <paramref name="ContractId"/> is the register's contract it matched, if any.</summary>
public sealed record PlannedRow(int RowNumber, string? Reference, RowOutcome Outcome,
    IReadOnlyList<RowProblem> Problems, IReadOnlyList<FieldChange> Changes, IReadOnlyList<string> Notices, int? ContractId = null);

public sealed record UnmatchedProvider(string Name, string? RegistrationNumber, int RowCount);

/// <summary>
/// The dry run: what committing would do, row by row. <see cref="Fingerprint"/> identifies the file, the
/// settings and the register as they were, so a commit can check that it does what the user saw.
/// </summary>
public sealed record ImportPlan(IReadOnlyList<PlannedRow> Rows, IReadOnlyList<UnmatchedProvider> UnmatchedProviders, string Fingerprint)
{
    public int Count(RowOutcome outcome) => Rows.Count(r => r.Outcome == outcome);

    /// <summary>Fields changed in the app since the last import that the file would change too.</summary>
    public int Conflicts => Rows.Sum(r => r.Changes.Count(c => c.IsConflict));
}

/// <summary>What a commit did, or why it did nothing.</summary>
public sealed record ImportCommitResult(int? BatchId, string? Refusal, int Created, int Updated, int Unchanged)
{
    public bool Committed => BatchId is not null;
}
