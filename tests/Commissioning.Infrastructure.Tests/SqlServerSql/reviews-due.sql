SELECT [c].[Id] AS [ContractId], [c].[Reference], [c].[Title], [c].[ResponsibleCommissionerId], [c].[HistoricCommissionerName], CASE
    WHEN COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= [c].[StartDate] AND ((
        SELECT TOP(1) [c12].[StartDate]
        FROM [Contracts] AS [c12]
        WHERE [c12].[PredecessorId] = [c].[Id]) IS NULL OR (
        SELECT TOP(1) [c13].[StartDate]
        FROM [Contracts] AS [c13]
        WHERE [c13].[PredecessorId] = [c].[Id]) > [c].[StartDate]) AND [c].[StartDate] <= @thisEnd AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @thisStart AND ((
        SELECT TOP(1) [c14].[StartDate]
        FROM [Contracts] AS [c14]
        WHERE [c14].[PredecessorId] = [c].[Id]) IS NULL OR (
        SELECT TOP(1) [c15].[StartDate]
        FROM [Contracts] AS [c15]
        WHERE [c15].[PredecessorId] = [c].[Id]) > @thisStart3) AND NOT EXISTS (
        SELECT 1
        FROM [AnnualValueReviews] AS [a2]
        WHERE [a2].[ContractId] = [c].[Id] AND [a2].[FinancialYearStart] = @thisStartYear AND [a2].[Status] = N'Agreed') THEN @thisStartYear
    ELSE @nextStartYear
END AS [YearStart], CASE
    WHEN EXISTS (
        SELECT 1
        FROM [AnnualValueReviews] AS [a3]
        WHERE [a3].[ContractId] = [c].[Id] AND [a3].[FinancialYearStart] = CASE
            WHEN COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= [c].[StartDate] AND ((
                SELECT TOP(1) [c16].[StartDate]
                FROM [Contracts] AS [c16]
                WHERE [c16].[PredecessorId] = [c].[Id]) IS NULL OR (
                SELECT TOP(1) [c17].[StartDate]
                FROM [Contracts] AS [c17]
                WHERE [c17].[PredecessorId] = [c].[Id]) > [c].[StartDate]) AND [c].[StartDate] <= @thisEnd AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @thisStart AND ((
                SELECT TOP(1) [c18].[StartDate]
                FROM [Contracts] AS [c18]
                WHERE [c18].[PredecessorId] = [c].[Id]) IS NULL OR (
                SELECT TOP(1) [c19].[StartDate]
                FROM [Contracts] AS [c19]
                WHERE [c19].[PredecessorId] = [c].[Id]) > @thisStart3) AND NOT EXISTS (
                SELECT 1
                FROM [AnnualValueReviews] AS [a4]
                WHERE [a4].[ContractId] = [c].[Id] AND [a4].[FinancialYearStart] = @thisStartYear AND [a4].[Status] = N'Agreed') THEN @thisStartYear
            ELSE @nextStartYear
        END AND [a3].[Status] = N'Proposed') THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [HasOpenReview]
FROM [Contracts] AS [c]
WHERE [c].[WithdrawnAtUtc] IS NULL AND [c].[AwardedOn] IS NOT NULL AND ((COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= [c].[StartDate] AND ((
    SELECT TOP(1) [c0].[StartDate]
    FROM [Contracts] AS [c0]
    WHERE [c0].[PredecessorId] = [c].[Id]) IS NULL OR (
    SELECT TOP(1) [c1].[StartDate]
    FROM [Contracts] AS [c1]
    WHERE [c1].[PredecessorId] = [c].[Id]) > [c].[StartDate]) AND [c].[StartDate] <= @thisEnd AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @thisStart AND ((
    SELECT TOP(1) [c2].[StartDate]
    FROM [Contracts] AS [c2]
    WHERE [c2].[PredecessorId] = [c].[Id]) IS NULL OR (
    SELECT TOP(1) [c3].[StartDate]
    FROM [Contracts] AS [c3]
    WHERE [c3].[PredecessorId] = [c].[Id]) > @thisStart3) AND NOT EXISTS (
    SELECT 1
    FROM [AnnualValueReviews] AS [a]
    WHERE [a].[ContractId] = [c].[Id] AND [a].[FinancialYearStart] = @thisStartYear AND [a].[Status] = N'Agreed')) OR (COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= [c].[StartDate] AND ((
    SELECT TOP(1) [c4].[StartDate]
    FROM [Contracts] AS [c4]
    WHERE [c4].[PredecessorId] = [c].[Id]) IS NULL OR (
    SELECT TOP(1) [c5].[StartDate]
    FROM [Contracts] AS [c5]
    WHERE [c5].[PredecessorId] = [c].[Id]) > [c].[StartDate]) AND [c].[StartDate] <= @nextEnd AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @nextStart AND ((
    SELECT TOP(1) [c6].[StartDate]
    FROM [Contracts] AS [c6]
    WHERE [c6].[PredecessorId] = [c].[Id]) IS NULL OR (
    SELECT TOP(1) [c7].[StartDate]
    FROM [Contracts] AS [c7]
    WHERE [c7].[PredecessorId] = [c].[Id]) > @nextStart8) AND NOT EXISTS (
    SELECT 1
    FROM [AnnualValueReviews] AS [a0]
    WHERE [a0].[ContractId] = [c].[Id] AND [a0].[FinancialYearStart] = @nextStartYear AND [a0].[Status] = N'Agreed')))
ORDER BY CASE
    WHEN COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= [c].[StartDate] AND ((
        SELECT TOP(1) [c8].[StartDate]
        FROM [Contracts] AS [c8]
        WHERE [c8].[PredecessorId] = [c].[Id]) IS NULL OR (
        SELECT TOP(1) [c9].[StartDate]
        FROM [Contracts] AS [c9]
        WHERE [c9].[PredecessorId] = [c].[Id]) > [c].[StartDate]) AND [c].[StartDate] <= @thisEnd AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @thisStart AND ((
        SELECT TOP(1) [c10].[StartDate]
        FROM [Contracts] AS [c10]
        WHERE [c10].[PredecessorId] = [c].[Id]) IS NULL OR (
        SELECT TOP(1) [c11].[StartDate]
        FROM [Contracts] AS [c11]
        WHERE [c11].[PredecessorId] = [c].[Id]) > @thisStart3) AND NOT EXISTS (
        SELECT 1
        FROM [AnnualValueReviews] AS [a1]
        WHERE [a1].[ContractId] = [c].[Id] AND [a1].[FinancialYearStart] = @thisStartYear AND [a1].[Status] = N'Agreed') THEN @thisStartYear
    ELSE @nextStartYear
END, [c].[Reference]

-- next command

SELECT [a].[Id], [a].[DisplayName]
FROM [AspNetUsers] AS [a]
