SELECT COUNT(*)
FROM [Contracts] AS [c]
WHERE [c].[WithdrawnAtUtc] IS NULL AND ([c].[Reference] LIKE @pattern ESCAPE N'\' OR [c].[Title] LIKE @pattern0 ESCAPE N'\' OR ([c].[ProviderId] IS NOT NULL AND [c].[ProviderId] IN (
    SELECT [p].[Id]
    FROM [Providers] AS [p]
    WHERE [p].[Name] LIKE @pattern0 ESCAPE N'\'
)) OR EXISTS (
    SELECT 1
    FROM [Contracts] AS [c0]
    WHERE [c0].[CommissioningForm] = N'Consortium' AND [c0].[Id] = [c].[Id] AND EXISTS (
        SELECT 1
        FROM [ContractConsortiumMembers] AS [c1]
        WHERE [c0].[Id] = [c1].[ContractId] AND [c1].[ProviderId] IN (
            SELECT [p0].[Id]
            FROM [Providers] AS [p0]
            WHERE [p0].[Name] LIKE @pattern0 ESCAPE N'\'
        ))) OR EXISTS (
    SELECT 1
    FROM [Contracts] AS [c2]
    WHERE [c2].[CommissioningForm] = N'LeadProvider' AND [c2].[Id] = [c].[Id] AND EXISTS (
        SELECT 1
        FROM [ContractSubContracts] AS [c3]
        WHERE [c2].[Id] = [c3].[ContractId] AND [c3].[ProviderId] IN (
            SELECT [p1].[Id]
            FROM [Providers] AS [p1]
            WHERE [p1].[Name] LIKE @pattern0 ESCAPE N'\'
        )))) AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= (
        SELECT MIN([c4].[StartDate])
        FROM [Contracts] AS [c4]
        WHERE [c4].[PredecessorId] = [c].[Id]) THEN 4
    WHEN [c].[AwardedOn] IS NULL OR @today14 < [c].[StartDate] THEN 0
    WHEN @today14 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END = @status

-- next command

SELECT [c].[Id], [c].[Reference], [c].[Title], CASE
    WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
    WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
    ELSE @currentYear
END AS [Year], CASE
    WHEN (
        SELECT MAX([a13].[FinancialYearStart])
        FROM [AnnualValueReviews] AS [a13]
        WHERE [a13].[Status] = N'Agreed' AND [a13].[ContractId] = [c].[Id] AND [a13].[FinancialYearStart] <= CASE
            WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
            WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
            ELSE @currentYear
        END) = CASE
        WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
        WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
        ELSE @currentYear
    END AND (
        SELECT MAX([a13].[FinancialYearStart])
        FROM [AnnualValueReviews] AS [a13]
        WHERE [a13].[Status] = N'Agreed' AND [a13].[ContractId] = [c].[Id] AND [a13].[FinancialYearStart] <= CASE
            WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
            WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
            ELSE @currentYear
        END) IS NOT NULL THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [Agreed], CASE
    WHEN CASE
        WHEN (
            SELECT MAX([a14].[FinancialYearStart])
            FROM [AnnualValueReviews] AS [a14]
            WHERE [a14].[Status] = N'Agreed' AND [a14].[ContractId] = [c].[Id] AND [a14].[FinancialYearStart] <= CASE
                WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
                WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
                ELSE @currentYear
            END) IS NULL THEN COALESCE((
            SELECT TOP(1) [a15].[AnnualPence]
            FROM [AnnualValueReviews] AS [a15]
            WHERE [a15].[Status] = N'Agreed' AND [a15].[ContractId] = [c].[PredecessorId]
            ORDER BY [a15].[FinancialYearStart] DESC), [c].[AnnualValuePence])
        ELSE (
            SELECT TOP(1) [a16].[AnnualPence]
            FROM [AnnualValueReviews] AS [a16]
            WHERE [a16].[Status] = N'Agreed' AND [a16].[ContractId] = [c].[Id] AND [a16].[FinancialYearStart] = (
                SELECT MAX([a17].[FinancialYearStart])
                FROM [AnnualValueReviews] AS [a17]
                WHERE [a17].[Status] = N'Agreed' AND [a17].[ContractId] = [c].[Id] AND [a17].[FinancialYearStart] <= CASE
                    WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
                    WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
                    ELSE @currentYear
                END))
    END IS NULL THEN NULL
    WHEN CASE
        WHEN (
            SELECT MAX([a18].[FinancialYearStart])
            FROM [AnnualValueReviews] AS [a18]
            WHERE [a18].[Status] = N'Agreed' AND [a18].[ContractId] = [c].[Id] AND [a18].[FinancialYearStart] <= CASE
                WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
                WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
                ELSE @currentYear
            END) IS NULL THEN COALESCE((
            SELECT TOP(1) [a19].[AnnualPence]
            FROM [AnnualValueReviews] AS [a19]
            WHERE [a19].[Status] = N'Agreed' AND [a19].[ContractId] = [c].[PredecessorId]
            ORDER BY [a19].[FinancialYearStart] DESC), [c].[AnnualValuePence])
        ELSE (
            SELECT TOP(1) [a20].[AnnualPence]
            FROM [AnnualValueReviews] AS [a20]
            WHERE [a20].[Status] = N'Agreed' AND [a20].[ContractId] = [c].[Id] AND [a20].[FinancialYearStart] = (
                SELECT MAX([a21].[FinancialYearStart])
                FROM [AnnualValueReviews] AS [a21]
                WHERE [a21].[Status] = N'Agreed' AND [a21].[ContractId] = [c].[Id] AND [a21].[FinancialYearStart] <= CASE
                    WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
                    WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
                    ELSE @currentYear
                END))
    END > COALESCE((
        SELECT COALESCE(SUM([s1].[AmountPence]), CAST(0 AS bigint))
        FROM [SavingsTargets] AS [s1]
        WHERE [s1].[Kind] = N'CashableReduction' AND [s1].[ContractId] = [c].[Id] AND [s1].[FinancialYearStart] > COALESCE((
            SELECT MAX([a22].[FinancialYearStart])
            FROM [AnnualValueReviews] AS [a22]
            WHERE [a22].[Status] = N'Agreed' AND [a22].[ContractId] = [c].[Id] AND [a22].[FinancialYearStart] <= CASE
                WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
                WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
                ELSE @currentYear
            END), ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 - 1) AND [s1].[FinancialYearStart] <= CASE
            WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
            WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
            ELSE @currentYear
        END), CAST(0 AS bigint)) THEN CASE
        WHEN (
            SELECT MAX([a23].[FinancialYearStart])
            FROM [AnnualValueReviews] AS [a23]
            WHERE [a23].[Status] = N'Agreed' AND [a23].[ContractId] = [c].[Id] AND [a23].[FinancialYearStart] <= CASE
                WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
                WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
                ELSE @currentYear
            END) IS NULL THEN COALESCE((
            SELECT TOP(1) [a24].[AnnualPence]
            FROM [AnnualValueReviews] AS [a24]
            WHERE [a24].[Status] = N'Agreed' AND [a24].[ContractId] = [c].[PredecessorId]
            ORDER BY [a24].[FinancialYearStart] DESC), [c].[AnnualValuePence])
        ELSE (
            SELECT TOP(1) [a25].[AnnualPence]
            FROM [AnnualValueReviews] AS [a25]
            WHERE [a25].[Status] = N'Agreed' AND [a25].[ContractId] = [c].[Id] AND [a25].[FinancialYearStart] = (
                SELECT MAX([a26].[FinancialYearStart])
                FROM [AnnualValueReviews] AS [a26]
                WHERE [a26].[Status] = N'Agreed' AND [a26].[ContractId] = [c].[Id] AND [a26].[FinancialYearStart] <= CASE
                    WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
                    WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
                    ELSE @currentYear
                END))
    END - COALESCE((
        SELECT COALESCE(SUM([s2].[AmountPence]), CAST(0 AS bigint))
        FROM [SavingsTargets] AS [s2]
        WHERE [s2].[Kind] = N'CashableReduction' AND [s2].[ContractId] = [c].[Id] AND [s2].[FinancialYearStart] > COALESCE((
            SELECT MAX([a27].[FinancialYearStart])
            FROM [AnnualValueReviews] AS [a27]
            WHERE [a27].[Status] = N'Agreed' AND [a27].[ContractId] = [c].[Id] AND [a27].[FinancialYearStart] <= CASE
                WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
                WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
                ELSE @currentYear
            END), ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 - 1) AND [s2].[FinancialYearStart] <= CASE
            WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
            WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
            ELSE @currentYear
        END), CAST(0 AS bigint))
    ELSE CAST(0 AS bigint)
END AS [ValuePence]
FROM [Contracts] AS [c]
WHERE [c].[WithdrawnAtUtc] IS NULL AND ([c].[Reference] LIKE @pattern ESCAPE N'\' OR [c].[Title] LIKE @pattern0 ESCAPE N'\' OR ([c].[ProviderId] IS NOT NULL AND [c].[ProviderId] IN (
    SELECT [p].[Id]
    FROM [Providers] AS [p]
    WHERE [p].[Name] LIKE @pattern0 ESCAPE N'\'
)) OR EXISTS (
    SELECT 1
    FROM [Contracts] AS [c0]
    WHERE [c0].[CommissioningForm] = N'Consortium' AND [c0].[Id] = [c].[Id] AND EXISTS (
        SELECT 1
        FROM [ContractConsortiumMembers] AS [c1]
        WHERE [c0].[Id] = [c1].[ContractId] AND [c1].[ProviderId] IN (
            SELECT [p0].[Id]
            FROM [Providers] AS [p0]
            WHERE [p0].[Name] LIKE @pattern0 ESCAPE N'\'
        ))) OR EXISTS (
    SELECT 1
    FROM [Contracts] AS [c2]
    WHERE [c2].[CommissioningForm] = N'LeadProvider' AND [c2].[Id] = [c].[Id] AND EXISTS (
        SELECT 1
        FROM [ContractSubContracts] AS [c3]
        WHERE [c2].[Id] = [c3].[ContractId] AND [c3].[ProviderId] IN (
            SELECT [p1].[Id]
            FROM [Providers] AS [p1]
            WHERE [p1].[Name] LIKE @pattern0 ESCAPE N'\'
        )))) AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= (
        SELECT MIN([c4].[StartDate])
        FROM [Contracts] AS [c4]
        WHERE [c4].[PredecessorId] = [c].[Id]) THEN 4
    WHEN [c].[AwardedOn] IS NULL OR @today14 < [c].[StartDate] THEN 0
    WHEN @today14 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END = @status
ORDER BY CASE
    WHEN CASE
        WHEN (
            SELECT MAX([a].[FinancialYearStart])
            FROM [AnnualValueReviews] AS [a]
            WHERE [a].[Status] = N'Agreed' AND [a].[ContractId] = [c].[Id] AND [a].[FinancialYearStart] <= CASE
                WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
                WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
                ELSE @currentYear
            END) IS NULL THEN COALESCE((
            SELECT TOP(1) [a0].[AnnualPence]
            FROM [AnnualValueReviews] AS [a0]
            WHERE [a0].[Status] = N'Agreed' AND [a0].[ContractId] = [c].[PredecessorId]
            ORDER BY [a0].[FinancialYearStart] DESC), [c].[AnnualValuePence])
        ELSE (
            SELECT TOP(1) [a1].[AnnualPence]
            FROM [AnnualValueReviews] AS [a1]
            WHERE [a1].[Status] = N'Agreed' AND [a1].[ContractId] = [c].[Id] AND [a1].[FinancialYearStart] = (
                SELECT MAX([a2].[FinancialYearStart])
                FROM [AnnualValueReviews] AS [a2]
                WHERE [a2].[Status] = N'Agreed' AND [a2].[ContractId] = [c].[Id] AND [a2].[FinancialYearStart] <= CASE
                    WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
                    WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
                    ELSE @currentYear
                END))
    END IS NULL THEN NULL
    WHEN CASE
        WHEN (
            SELECT MAX([a3].[FinancialYearStart])
            FROM [AnnualValueReviews] AS [a3]
            WHERE [a3].[Status] = N'Agreed' AND [a3].[ContractId] = [c].[Id] AND [a3].[FinancialYearStart] <= CASE
                WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
                WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
                ELSE @currentYear
            END) IS NULL THEN COALESCE((
            SELECT TOP(1) [a4].[AnnualPence]
            FROM [AnnualValueReviews] AS [a4]
            WHERE [a4].[Status] = N'Agreed' AND [a4].[ContractId] = [c].[PredecessorId]
            ORDER BY [a4].[FinancialYearStart] DESC), [c].[AnnualValuePence])
        ELSE (
            SELECT TOP(1) [a5].[AnnualPence]
            FROM [AnnualValueReviews] AS [a5]
            WHERE [a5].[Status] = N'Agreed' AND [a5].[ContractId] = [c].[Id] AND [a5].[FinancialYearStart] = (
                SELECT MAX([a6].[FinancialYearStart])
                FROM [AnnualValueReviews] AS [a6]
                WHERE [a6].[Status] = N'Agreed' AND [a6].[ContractId] = [c].[Id] AND [a6].[FinancialYearStart] <= CASE
                    WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
                    WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
                    ELSE @currentYear
                END))
    END > COALESCE((
        SELECT COALESCE(SUM([s].[AmountPence]), CAST(0 AS bigint))
        FROM [SavingsTargets] AS [s]
        WHERE [s].[Kind] = N'CashableReduction' AND [s].[ContractId] = [c].[Id] AND [s].[FinancialYearStart] > COALESCE((
            SELECT MAX([a7].[FinancialYearStart])
            FROM [AnnualValueReviews] AS [a7]
            WHERE [a7].[Status] = N'Agreed' AND [a7].[ContractId] = [c].[Id] AND [a7].[FinancialYearStart] <= CASE
                WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
                WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
                ELSE @currentYear
            END), ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 - 1) AND [s].[FinancialYearStart] <= CASE
            WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
            WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
            ELSE @currentYear
        END), CAST(0 AS bigint)) THEN CASE
        WHEN (
            SELECT MAX([a8].[FinancialYearStart])
            FROM [AnnualValueReviews] AS [a8]
            WHERE [a8].[Status] = N'Agreed' AND [a8].[ContractId] = [c].[Id] AND [a8].[FinancialYearStart] <= CASE
                WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
                WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
                ELSE @currentYear
            END) IS NULL THEN COALESCE((
            SELECT TOP(1) [a9].[AnnualPence]
            FROM [AnnualValueReviews] AS [a9]
            WHERE [a9].[Status] = N'Agreed' AND [a9].[ContractId] = [c].[PredecessorId]
            ORDER BY [a9].[FinancialYearStart] DESC), [c].[AnnualValuePence])
        ELSE (
            SELECT TOP(1) [a10].[AnnualPence]
            FROM [AnnualValueReviews] AS [a10]
            WHERE [a10].[Status] = N'Agreed' AND [a10].[ContractId] = [c].[Id] AND [a10].[FinancialYearStart] = (
                SELECT MAX([a11].[FinancialYearStart])
                FROM [AnnualValueReviews] AS [a11]
                WHERE [a11].[Status] = N'Agreed' AND [a11].[ContractId] = [c].[Id] AND [a11].[FinancialYearStart] <= CASE
                    WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
                    WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
                    ELSE @currentYear
                END))
    END - COALESCE((
        SELECT COALESCE(SUM([s0].[AmountPence]), CAST(0 AS bigint))
        FROM [SavingsTargets] AS [s0]
        WHERE [s0].[Kind] = N'CashableReduction' AND [s0].[ContractId] = [c].[Id] AND [s0].[FinancialYearStart] > COALESCE((
            SELECT MAX([a12].[FinancialYearStart])
            FROM [AnnualValueReviews] AS [a12]
            WHERE [a12].[Status] = N'Agreed' AND [a12].[ContractId] = [c].[Id] AND [a12].[FinancialYearStart] <= CASE
                WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
                WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
                ELSE @currentYear
            END), ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 - 1) AND [s0].[FinancialYearStart] <= CASE
            WHEN @currentYear < ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12 THEN ((DATEPART(year, [c].[StartDate]) * 12 + DATEPART(month, [c].[StartDate])) - 4) / 12
            WHEN @currentYear > ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12 THEN ((DATEPART(year, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate])) * 12 + DATEPART(month, COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]))) - 4) / 12
            ELSE @currentYear
        END), CAST(0 AS bigint))
    ELSE CAST(0 AS bigint)
END DESC, [c].[Id]
OFFSET @p ROWS FETCH NEXT @p ROWS ONLY
