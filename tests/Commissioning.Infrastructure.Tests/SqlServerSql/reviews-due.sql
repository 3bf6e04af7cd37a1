SELECT [c].[Id], [c].[Reference], [c].[Title], [c].[ResponsibleCommissionerId], [c].[HistoricCommissionerName], [c].[StartDate], [c].[CurrentEndDate], [c].[TerminatedOn], (
    SELECT TOP(1) [c0].[StartDate]
    FROM [Contracts] AS [c0]
    WHERE [c0].[PredecessorId] = [c].[Id]) AS [SuccessorStart]
FROM [Contracts] AS [c]
WHERE [c].[WithdrawnAtUtc] IS NULL AND [c].[AwardedOn] IS NOT NULL AND [c].[StartDate] <= @windowEnd AND [c].[CurrentEndDate] >= @thisYear_Start AND ([c].[TerminatedOn] IS NULL OR [c].[TerminatedOn] >= @thisYear_Start2)

-- next command

SELECT [a].[ContractId], [a].[FinancialYearStart], [a].[Status]
FROM [AnnualValueReviews] AS [a]
WHERE [a].[FinancialYearStart] >= @thisYear_StartYear AND [a].[FinancialYearStart] <= @nextYear_StartYear AND [a].[Status] IN (N'Agreed', N'Proposed')

-- next command

SELECT [a].[Id], [a].[DisplayName]
FROM [AspNetUsers] AS [a]
