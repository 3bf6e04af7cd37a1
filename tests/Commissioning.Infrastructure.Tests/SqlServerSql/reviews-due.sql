SELECT [c].[Id] AS [ContractId], [c].[Reference], [c].[Title], [c].[ResponsibleCommissionerId], [c].[HistoricCommissionerName], CASE
    WHEN COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= [c].[StartDate] AND ([c0].[StartDate] IS NULL OR [c0].[StartDate] > [c].[StartDate]) AND [c].[StartDate] <= @thisEnd AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @thisStart AND ([c0].[StartDate] IS NULL OR [c0].[StartDate] > @thisStart5) AND [a0].[Id] IS NULL THEN @thisStartYear
    ELSE @nextStartYear
END AS [YearStart], CASE
    WHEN EXISTS (
        SELECT 1
        FROM [AnnualValueReviews] AS [a3]
        WHERE [a3].[ContractId] = [c].[Id] AND [a3].[FinancialYearStart] = CASE
            WHEN COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= [c].[StartDate] AND ([c0].[StartDate] IS NULL OR [c0].[StartDate] > [c].[StartDate]) AND [c].[StartDate] <= @thisEnd AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @thisStart AND ([c0].[StartDate] IS NULL OR [c0].[StartDate] > @thisStart5) AND [a0].[Id] IS NULL THEN @thisStartYear
            ELSE @nextStartYear
        END AND [a3].[Status] = N'Proposed') THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [HasOpenReview]
FROM [Contracts] AS [c]
LEFT JOIN [Contracts] AS [c0] ON [c].[Id] = [c0].[PredecessorId]
LEFT JOIN (
    SELECT [a].[Id], [a].[ContractId]
    FROM [AnnualValueReviews] AS [a]
    WHERE [a].[Status] = N'Agreed' AND [a].[FinancialYearStart] = @thisStartYear
) AS [a0] ON [c].[Id] = [a0].[ContractId]
LEFT JOIN (
    SELECT [a1].[Id], [a1].[ContractId]
    FROM [AnnualValueReviews] AS [a1]
    WHERE [a1].[Status] = N'Agreed' AND [a1].[FinancialYearStart] = @nextStartYear
) AS [a2] ON [c].[Id] = [a2].[ContractId]
WHERE [c].[WithdrawnAtUtc] IS NULL AND [c].[AwardedOn] IS NOT NULL AND [c].[CurrentEndDate] >= @thisStart AND ((COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= [c].[StartDate] AND ([c0].[StartDate] IS NULL OR [c0].[StartDate] > [c].[StartDate]) AND [c].[StartDate] <= @thisEnd AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @thisStart AND ([c0].[StartDate] IS NULL OR [c0].[StartDate] > @thisStart5) AND [a0].[Id] IS NULL) OR (COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= [c].[StartDate] AND ([c0].[StartDate] IS NULL OR [c0].[StartDate] > [c].[StartDate]) AND [c].[StartDate] <= @nextEnd AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @nextStart AND ([c0].[StartDate] IS NULL OR [c0].[StartDate] > @nextStart8) AND [a2].[Id] IS NULL))
ORDER BY CASE
    WHEN COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= [c].[StartDate] AND ([c0].[StartDate] IS NULL OR [c0].[StartDate] > [c].[StartDate]) AND [c].[StartDate] <= @thisEnd AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @thisStart AND ([c0].[StartDate] IS NULL OR [c0].[StartDate] > @thisStart5) AND [a0].[Id] IS NULL THEN @thisStartYear
    ELSE @nextStartYear
END, [c].[Reference]

-- next command

SELECT [a].[Id], [a].[DisplayName]
FROM [AspNetUsers] AS [a]
