SELECT [a].[Id], [a].[DisplayName]
FROM [AspNetUsers] AS [a]

-- next command

SELECT [c].[Id], [c].[Reference], [c].[Title], [c].[ResponsibleCommissionerId], [c].[HistoricCommissionerName], [c].[CurrentEndDate], [c].[NoticePeriodMonths], [c].[TerminatedOn], CASE
    WHEN EXISTS (
        SELECT 1
        FROM [Contracts] AS [c1]
        WHERE [c1].[WithdrawnAtUtc] IS NULL AND [c1].[PredecessorId] = [c].[Id]) THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [HasSuccessor], CASE
    WHEN EXISTS (
        SELECT 1
        FROM [ContractExtensionOptions] AS [c2]
        WHERE [c].[Id] = [c2].[ContractId] AND [c2].[IsExercised] = CAST(0 AS bit)) THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [HasOptionLeft]
FROM [Contracts] AS [c]
WHERE [c].[WithdrawnAtUtc] IS NULL AND [c].[AwardedOn] IS NOT NULL AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= (
        SELECT MIN([c0].[StartDate])
        FROM [Contracts] AS [c0]
        WHERE [c0].[WithdrawnAtUtc] IS NULL AND [c0].[PredecessorId] = [c].[Id]) THEN 4
    WHEN @today2 < [c].[StartDate] THEN 0
    WHEN @today2 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END NOT IN (3, 4) AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @endedSince AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) <= @decisionsUntil

-- next command

SELECT [c].[Id]
FROM [Contracts] AS [c]
WHERE [c].[WithdrawnAtUtc] IS NOT NULL

-- next command

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

-- next command

SELECT [c].[Id], [c].[ContractId], [c].[CreatedAtUtc], [c].[CreatedBy], [c].[CreatedById], [c].[DecisionReference], [c].[ForwardPlanReference], [c].[HasExemptAppendix], [c].[IsKeyDecision], [c].[Kind], [c].[Title], [c].[UpdatedAtUtc], [c].[UpdatedBy], [c].[UpdatedById], [c].[Version], [r1].[Id], [r1].[Action], [r1].[BodyId], [r1].[BodyKind], [r1].[BodyName], [r1].[ContractDecisionId], [r1].[Date], [r1].[MeetingId], [r1].[Minute], [r1].[Outcome], [r1].[OutcomeRecordedOn], [r1].[Position]
FROM [ContractDecisions] AS [c]
LEFT JOIN [RouteSteps] AS [r1] ON [c].[Id] = [r1].[ContractDecisionId]
WHERE EXISTS (
    SELECT 1
    FROM [Contracts] AS [c0]
    WHERE [c0].[WithdrawnAtUtc] IS NULL AND [c0].[Id] = [c].[ContractId]) AND (EXISTS (
    SELECT 1
    FROM [RouteSteps] AS [r]
    WHERE [c].[Id] = [r].[ContractDecisionId] AND ([r].[Action] = N'Approve' OR [r].[Action] = N'Decide') AND [r].[Outcome] <> N'Approved') OR NOT EXISTS (
    SELECT 1
    FROM [RouteSteps] AS [r0]
    WHERE [c].[Id] = [r0].[ContractDecisionId] AND ([r0].[Action] = N'Approve' OR [r0].[Action] = N'Decide')))
ORDER BY [c].[Id]
