SELECT [a].[FinancialYearStart] AS [Year], COUNT(*) AS [Contracts], COALESCE(SUM([a].[YearValuePence]), CAST(0 AS bigint)) AS [Pence]
FROM [AnnualValueReviews] AS [a]
WHERE [a].[Status] = N'Agreed' AND [a].[ContractId] NOT IN (
    SELECT [c].[Id]
    FROM [Contracts] AS [c]
    WHERE [c].[WithdrawnAtUtc] IS NOT NULL
)
GROUP BY [a].[FinancialYearStart]

-- next command

SELECT [c].[Id], [c].[Reference], [c].[CommissioningForm] AS [Form], [c].[ServiceCategory], [d].[Name] AS [Directorate], CASE
    WHEN [p].[Id] IS NULL THEN N'No provider recorded'
    ELSE [p].[Name]
END AS [Provider], [c].[AwardedOn], [c].[StartDate], [c].[CurrentEndDate], [c].[MaximumEndDate], [c].[TerminatedOn], [c].[AnnualValuePence], [c].[PredecessorId], CASE
    WHEN [c].[WithdrawnAtUtc] IS NOT NULL THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [Withdrawn]
FROM [Contracts] AS [c]
INNER JOIN [Directorates] AS [d] ON [c].[DirectorateId] = [d].[Id]
LEFT JOIN [Providers] AS [p] ON [c].[ProviderId] = [p].[Id]

-- next command

SELECT [a].[ContractId], [a].[FinancialYearStart], [a].[AnnualPence], [a].[YearValuePence], [a].[UpliftPence]
FROM [AnnualValueReviews] AS [a]
WHERE [a].[Status] = N'Agreed'

-- next command

SELECT [a].[ContractId], [a].[FinancialYearStart], [a].[Id], [a].[AnnualPence]
FROM [AnnualValueReviews] AS [a]
WHERE [a].[Origin] = N'OpeningEntry' AND [a].[Status] IN (N'Agreed', N'Superseded')

-- next command

SELECT [s].[ContractId], [s].[FinancialYearStart], [s].[AmountPence]
FROM [SavingsTargets] AS [s]
WHERE [s].[Kind] = N'CashableReduction'

-- next command

SELECT [s].[CommissioningForm], [s].[ServiceCategory], [s].[Name], [s].[Provider], COUNT(*), COALESCE(SUM([s].[YearValuePence]), CAST(0 AS bigint))
FROM (
    SELECT [a].[YearValuePence], [c].[CommissioningForm], [c].[ServiceCategory], [d].[Name], CASE
        WHEN [p].[Id] IS NULL THEN N'No provider recorded'
        ELSE [p].[Name]
    END AS [Provider]
    FROM [AnnualValueReviews] AS [a]
    INNER JOIN [Contracts] AS [c] ON [a].[ContractId] = [c].[Id]
    INNER JOIN [Directorates] AS [d] ON [c].[DirectorateId] = [d].[Id]
    LEFT JOIN [Providers] AS [p] ON [c].[ProviderId] = [p].[Id]
    WHERE [a].[FinancialYearStart] = @year_StartYear AND [a].[Status] = N'Agreed' AND [c].[WithdrawnAtUtc] IS NULL
) AS [s]
GROUP BY [s].[CommissioningForm], [s].[ServiceCategory], [s].[Name], [s].[Provider]

-- next command

SELECT [s].[CommissioningForm], [s].[ServiceCategory], [s].[Name], [s].[Provider], COUNT(*), COALESCE(SUM([s].[YearValuePence]), CAST(0 AS bigint))
FROM (
    SELECT [a].[YearValuePence], [c].[CommissioningForm], [c].[ServiceCategory], [d].[Name], CASE
        WHEN [p].[Id] IS NULL THEN N'No provider recorded'
        ELSE [p].[Name]
    END AS [Provider]
    FROM [AnnualValueReviews] AS [a]
    INNER JOIN [Contracts] AS [c] ON [a].[ContractId] = [c].[Id]
    INNER JOIN [Directorates] AS [d] ON [c].[DirectorateId] = [d].[Id]
    LEFT JOIN [Providers] AS [p] ON [c].[ProviderId] = [p].[Id]
    WHERE [a].[FinancialYearStart] = @year_StartYear AND [a].[Status] = N'Agreed' AND [c].[WithdrawnAtUtc] IS NULL
) AS [s]
GROUP BY [s].[CommissioningForm], [s].[ServiceCategory], [s].[Name], [s].[Provider]

-- next command

SELECT [f1].[Source], [f1].[CostCentre], [f].[ContractId], COALESCE(SUM([f1].[AmountPence]), CAST(0 AS bigint)) AS [Pence]
FROM [FundingPlans] AS [f]
INNER JOIN [FundingPlanLines] AS [f1] ON [f].[Id] = [f1].[FundingPlanId]
WHERE [f].[FinancialYearStart] = @year_StartYear AND EXISTS (
    SELECT 1
    FROM [AnnualValueReviews] AS [a]
    WHERE [a].[Status] = N'Agreed' AND [a].[FinancialYearStart] = @year_StartYear AND EXISTS (
        SELECT 1
        FROM [Contracts] AS [c]
        WHERE [c].[Id] = [a].[ContractId] AND [c].[WithdrawnAtUtc] IS NULL) AND [a].[ContractId] = [f].[ContractId] AND [a].[YearValuePence] = (
        SELECT COALESCE(SUM([f0].[AmountPence]), CAST(0 AS bigint))
        FROM [FundingPlanLines] AS [f0]
        WHERE [f].[Id] = [f0].[FundingPlanId]))
GROUP BY [f1].[Source], [f1].[CostCentre], [f].[ContractId]

-- next command

SELECT COALESCE(SUM([a].[YearValuePence]), CAST(0 AS bigint))
FROM [AnnualValueReviews] AS [a]
WHERE [a].[Status] = N'Agreed' AND [a].[FinancialYearStart] = @year_StartYear AND EXISTS (
    SELECT 1
    FROM [Contracts] AS [c]
    WHERE [c].[Id] = [a].[ContractId] AND [c].[WithdrawnAtUtc] IS NULL)

-- next command

SELECT [s].[FinancialYearStart] AS [Year], COUNT(*) AS [Targets], COALESCE(SUM([s].[AmountPence]), CAST(0 AS bigint)) AS [Target], COALESCE(SUM(COALESCE([s].[DeliveredPence], CAST(0 AS bigint))), CAST(0 AS bigint)) AS [Delivered], COUNT(CASE
    WHEN [s].[DeliveredPence] IS NOT NULL THEN 1
END) AS [Reported]
FROM [SavingsTargets] AS [s]
GROUP BY [s].[FinancialYearStart]
ORDER BY [s].[FinancialYearStart]

-- next command

SELECT TOP(1) [a].[Id], [a].[ChangedAtUtc], [a].[EntityType], [a].[EntityId], (
    SELECT COUNT(*)
    FROM [AuditEntries] AS [a0]
    WHERE [a0].[Id] > [a].[Id] - CAST(1000 AS bigint))
FROM [AuditEntries] AS [a]
ORDER BY [a].[Id] DESC
