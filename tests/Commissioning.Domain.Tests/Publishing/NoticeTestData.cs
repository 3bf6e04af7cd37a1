using Commissioning.Domain.Contracts;
using Commissioning.Domain.Lifecycle;
using Commissioning.Domain.Publishing.Notices;
using static Commissioning.Domain.Tests.TestData.Days;

namespace Commissioning.Domain.Tests.Publishing;

/// <summary>A contract under the Act, entered into on 1 March 2026, not light-touch, £1m a year for three years unless told otherwise.</summary>
internal static class Notice
{
    public static NoticeContract Contract(
        ServiceCategory category = ServiceCategory.Other,
        long? annualPence = 100_000_000,
        DateOnly? start = null,
        DateOnly? maximumEnd = null,
        DateOnly? awardedOn = null,
        DateOnly? enteredInto = null,
        DateOnly? terminatedOn = null,
        bool? underAct = null,
        bool? lightTouch = null,
        bool userChoice = false)
    {
        var s = start ?? On(2026, 4, 1);
        var end = maximumEnd ?? On(2029, 3, 31);
        return new NoticeContract(7, "SC-2026-0007", category, s, awardedOn ?? On(2026, 3, 1), end, end, terminatedOn,
            terminatedOn is null ? null : "Provider failed", annualPence, underAct, lightTouch, userChoice, enteredInto);
    }

    public static NoticeFacts Facts(NoticeContract c, IReadOnlyList<NoticeVariation>? variations = null, params PublishedNotice[] published) =>
        new(c, variations ?? [], published);

    public static NoticeVariation Variation(int id, DateOnly on, ChangeNoticeRule rule, bool warned,
        long? before = 100_000_000, long? after = 100_000_000, decimal? termPercent = 0m) =>
        new(id, on, "clause 53", rule, warned, before, after, termPercent);

    public static NoticeDue Single(NoticeFacts facts, NoticeKind kind, DateOnly today, NoticeSettings? settings = null) =>
        Assert.Single(NoticeSchedule.For(facts, today, settings ?? NoticeSettings.Default), d => d.Kind == kind);

    public static IReadOnlyList<NoticeDue> Of(NoticeFacts facts, NoticeKind kind, DateOnly today, NoticeSettings? settings = null) =>
        NoticeSchedule.For(facts, today, settings ?? NoticeSettings.Default).Where(d => d.Kind == kind).ToList();

    public static PublishedNotice Publish(NoticeDue due, DateOnly on, string id = "000123-2026") => PublishedNotice.Record(due, on, id, on);
}
