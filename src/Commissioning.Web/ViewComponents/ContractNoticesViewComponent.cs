using Commissioning.Domain.Contracts;
using Commissioning.Domain.Publishing.Notices;
using Commissioning.Infrastructure.Publishing.Notices;
using Microsoft.Extensions.Options;

namespace Commissioning.Web.ViewComponents;

/// <summary>The contract page's Procurement Act notices: each notice owed, its deadline and whether it is recorded as published.</summary>
public sealed class ContractNoticesViewComponent(CommissioningDbContext db, IClock clock, IOptions<ProcurementActOptions> options) : ViewComponent
{
    public sealed record Model(Contract Contract, bool UnderTheAct, bool WorkedOut, IReadOnlyList<NoticeDue> Notices, DateOnly Today);

    /// <param name="events">The contract's events, read once by the page for this and its history.</param>
    public async Task<IViewComponentResult> InvokeAsync(Contract contract, IReadOnlyList<Domain.Lifecycle.ContractEvent> events)
    {
        var settings = options.Value.ToSettings();
        var facts = NoticeContract.Of(contract);
        var notices = await NoticeQueries.ForContractAsync(db, contract, clock.Today, settings, HttpContext.RequestAborted,
            events.OfType<Domain.Lifecycle.ContractVariation>().ToList());
        return View(new Model(contract, ProcurementActAppliesRule.Applies(facts, settings), ProcurementActAppliesRule.IsWorkedOut(facts), notices, clock.Today));
    }
}
