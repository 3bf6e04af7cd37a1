SELECT [a].[Id], [a].[DisplayName]
FROM [AspNetUsers] AS [a]

-- next command

SELECT [c].[Id], [c].[Reference], [c].[Title], [c].[ResponsibleCommissionerId], [c].[HistoricCommissionerName], [c].[CurrentEndDate], [c].[NoticePeriodMonths], [c].[TerminatedOn], COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) AS [LastDay], CASE
    WHEN [c1].[Id] IS NOT NULL THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [HasSuccessor], CASE
    WHEN EXISTS (
        SELECT 1
        FROM [ContractExtensionOptions] AS [c2]
        WHERE [c].[Id] = [c2].[ContractId] AND [c2].[IsExercised] = CAST(0 AS bit)) THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [HasOptionLeft], ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) * 32 + CASE
    WHEN DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) <= 28 OR DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) <= CASE
        WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 1 THEN CASE
            WHEN (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 4 = 0 AND ((((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 100 <> 0 OR (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 400 = 0) THEN 29
            ELSE 28
        END
        WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 3 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 5 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 8 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 10 THEN 30
        ELSE 31
    END THEN DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))
    WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 1 THEN CASE
        WHEN (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 4 = 0 AND ((((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 100 <> 0 OR (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 400 = 0) THEN 29
        ELSE 28
    END
    WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 3 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 5 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 8 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 10 THEN 30
    ELSE 31
END AS [Deadline]
FROM [Contracts] AS [c]
LEFT JOIN (
    SELECT [c0].[Id], [c0].[PredecessorId], [c0].[StartDate]
    FROM [Contracts] AS [c0]
    WHERE [c0].[WithdrawnAtUtc] IS NULL
) AS [c1] ON [c].[Id] = [c1].[PredecessorId]
WHERE [c].[WithdrawnAtUtc] IS NULL AND [c].[AwardedOn] IS NOT NULL AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= [c1].[StartDate] THEN 4
    WHEN @today2 < [c].[StartDate] THEN 0
    WHEN @today2 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END <> 3 AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= [c1].[StartDate] THEN 4
    WHEN @today2 < [c].[StartDate] THEN 0
    WHEN @today2 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END <> 4 AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @first AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) <= @last
ORDER BY COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]), [c].[Reference]

-- next command

SELECT [c].[Id], [c].[Reference], [c].[Title], [c].[ResponsibleCommissionerId], [c].[HistoricCommissionerName], [c].[CurrentEndDate], [c].[NoticePeriodMonths], [c].[TerminatedOn], COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) AS [LastDay], CASE
    WHEN [c1].[Id] IS NOT NULL THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [HasSuccessor], CASE
    WHEN EXISTS (
        SELECT 1
        FROM [ContractExtensionOptions] AS [c2]
        WHERE [c].[Id] = [c2].[ContractId] AND [c2].[IsExercised] = CAST(0 AS bit)) THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [HasOptionLeft], ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) * 32 + CASE
    WHEN DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) <= 28 OR DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) <= CASE
        WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 1 THEN CASE
            WHEN (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 4 = 0 AND ((((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 100 <> 0 OR (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 400 = 0) THEN 29
            ELSE 28
        END
        WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 3 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 5 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 8 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 10 THEN 30
        ELSE 31
    END THEN DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))
    WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 1 THEN CASE
        WHEN (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 4 = 0 AND ((((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 100 <> 0 OR (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 400 = 0) THEN 29
        ELSE 28
    END
    WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 3 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 5 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 8 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 10 THEN 30
    ELSE 31
END AS [Deadline]
FROM [Contracts] AS [c]
LEFT JOIN (
    SELECT [c0].[Id], [c0].[PredecessorId], [c0].[StartDate]
    FROM [Contracts] AS [c0]
    WHERE [c0].[WithdrawnAtUtc] IS NULL
) AS [c1] ON [c].[Id] = [c1].[PredecessorId]
WHERE [c].[WithdrawnAtUtc] IS NULL AND [c].[AwardedOn] IS NOT NULL AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= [c1].[StartDate] THEN 4
    WHEN @today2 < [c].[StartDate] THEN 0
    WHEN @today2 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END <> 3 AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= [c1].[StartDate] THEN 4
    WHEN @today2 < [c].[StartDate] THEN 0
    WHEN @today2 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END <> 4 AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @first AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) <= @last
ORDER BY COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]), [c].[Reference]

-- next command

SELECT [c].[Id], [c].[Reference], [c].[Title], [c].[ResponsibleCommissionerId], [c].[HistoricCommissionerName], [c].[CurrentEndDate], [c].[NoticePeriodMonths], [c].[TerminatedOn], COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) AS [LastDay], CASE
    WHEN [c1].[Id] IS NOT NULL THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [HasSuccessor], CASE
    WHEN EXISTS (
        SELECT 1
        FROM [ContractExtensionOptions] AS [c2]
        WHERE [c].[Id] = [c2].[ContractId] AND [c2].[IsExercised] = CAST(0 AS bit)) THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [HasOptionLeft], ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) * 32 + CASE
    WHEN DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) <= 28 OR DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) <= CASE
        WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 1 THEN CASE
            WHEN (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 4 = 0 AND ((((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 100 <> 0 OR (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 400 = 0) THEN 29
            ELSE 28
        END
        WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 3 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 5 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 8 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 10 THEN 30
        ELSE 31
    END THEN DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))
    WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 1 THEN CASE
        WHEN (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 4 = 0 AND ((((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 100 <> 0 OR (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 400 = 0) THEN 29
        ELSE 28
    END
    WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 3 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 5 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 8 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 10 THEN 30
    ELSE 31
END AS [Deadline]
FROM [Contracts] AS [c]
LEFT JOIN (
    SELECT [c0].[Id], [c0].[PredecessorId], [c0].[StartDate]
    FROM [Contracts] AS [c0]
    WHERE [c0].[WithdrawnAtUtc] IS NULL
) AS [c1] ON [c].[Id] = [c1].[PredecessorId]
WHERE [c].[WithdrawnAtUtc] IS NULL AND [c].[AwardedOn] IS NOT NULL AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= [c1].[StartDate] THEN 4
    WHEN @today2 < [c].[StartDate] THEN 0
    WHEN @today2 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END <> 3 AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= [c1].[StartDate] THEN 4
    WHEN @today2 < [c].[StartDate] THEN 0
    WHEN @today2 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END <> 4 AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @first AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) <= @last
ORDER BY COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]), [c].[Reference]

-- next command

SELECT [c].[Id], [c].[Reference], [c].[Title], [c].[ResponsibleCommissionerId], [c].[HistoricCommissionerName], [c].[CurrentEndDate], [c].[NoticePeriodMonths], [c].[TerminatedOn], COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) AS [LastDay], CASE
    WHEN [c1].[Id] IS NOT NULL THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [HasSuccessor], CASE
    WHEN EXISTS (
        SELECT 1
        FROM [ContractExtensionOptions] AS [c2]
        WHERE [c].[Id] = [c2].[ContractId] AND [c2].[IsExercised] = CAST(0 AS bit)) THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [HasOptionLeft], ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) * 32 + CASE
    WHEN DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) <= 28 OR DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) <= CASE
        WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 1 THEN CASE
            WHEN (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 4 = 0 AND ((((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 100 <> 0 OR (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 400 = 0) THEN 29
            ELSE 28
        END
        WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 3 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 5 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 8 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 10 THEN 30
        ELSE 31
    END THEN DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))
    WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 1 THEN CASE
        WHEN (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 4 = 0 AND ((((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 100 <> 0 OR (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 400 = 0) THEN 29
        ELSE 28
    END
    WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 3 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 5 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 8 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 10 THEN 30
    ELSE 31
END AS [Deadline]
FROM [Contracts] AS [c]
LEFT JOIN (
    SELECT [c0].[Id], [c0].[PredecessorId], [c0].[StartDate]
    FROM [Contracts] AS [c0]
    WHERE [c0].[WithdrawnAtUtc] IS NULL
) AS [c1] ON [c].[Id] = [c1].[PredecessorId]
WHERE [c].[WithdrawnAtUtc] IS NULL AND [c].[AwardedOn] IS NOT NULL AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= [c1].[StartDate] THEN 4
    WHEN @today2 < [c].[StartDate] THEN 0
    WHEN @today2 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END <> 3 AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= [c1].[StartDate] THEN 4
    WHEN @today2 < [c].[StartDate] THEN 0
    WHEN @today2 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END <> 4 AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @first AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) <= @last
ORDER BY COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]), [c].[Reference]

-- next command

SELECT [c].[Id], [c].[Reference], [c].[Title], [c].[ResponsibleCommissionerId], [c].[HistoricCommissionerName], [c].[CurrentEndDate], [c].[NoticePeriodMonths], [c].[TerminatedOn], COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) AS [LastDay], CASE
    WHEN [c1].[Id] IS NOT NULL THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [HasSuccessor], CASE
    WHEN EXISTS (
        SELECT 1
        FROM [ContractExtensionOptions] AS [c2]
        WHERE [c].[Id] = [c2].[ContractId] AND [c2].[IsExercised] = CAST(0 AS bit)) THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [HasOptionLeft], ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) * 32 + CASE
    WHEN DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) <= 28 OR DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) <= CASE
        WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 1 THEN CASE
            WHEN (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 4 = 0 AND ((((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 100 <> 0 OR (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 400 = 0) THEN 29
            ELSE 28
        END
        WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 3 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 5 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 8 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 10 THEN 30
        ELSE 31
    END THEN DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))
    WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 1 THEN CASE
        WHEN (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 4 = 0 AND ((((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 100 <> 0 OR (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 400 = 0) THEN 29
        ELSE 28
    END
    WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 3 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 5 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 8 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 10 THEN 30
    ELSE 31
END AS [Deadline]
FROM [Contracts] AS [c]
LEFT JOIN (
    SELECT [c0].[Id], [c0].[PredecessorId], [c0].[StartDate]
    FROM [Contracts] AS [c0]
    WHERE [c0].[WithdrawnAtUtc] IS NULL
) AS [c1] ON [c].[Id] = [c1].[PredecessorId]
WHERE [c].[WithdrawnAtUtc] IS NULL AND [c].[AwardedOn] IS NOT NULL AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= [c1].[StartDate] THEN 4
    WHEN @today2 < [c].[StartDate] THEN 0
    WHEN @today2 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END <> 3 AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= [c1].[StartDate] THEN 4
    WHEN @today2 < [c].[StartDate] THEN 0
    WHEN @today2 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END <> 4 AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) < @today2 AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @endedSince AND [c].[TerminatedOn] IS NULL AND [c1].[Id] IS NULL
ORDER BY [c].[CurrentEndDate], [c].[Reference]

-- next command

SELECT [c].[Id], [c].[Reference], [c].[Title], [c].[ResponsibleCommissionerId], [c].[HistoricCommissionerName], [c].[CurrentEndDate], [c].[NoticePeriodMonths], [c].[TerminatedOn], COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) AS [LastDay], CASE
    WHEN [c1].[Id] IS NOT NULL THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [HasSuccessor], CASE
    WHEN EXISTS (
        SELECT 1
        FROM [ContractExtensionOptions] AS [c2]
        WHERE [c].[Id] = [c2].[ContractId] AND [c2].[IsExercised] = CAST(0 AS bit)) THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [HasOptionLeft], ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) * 32 + CASE
    WHEN DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) <= 28 OR DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) <= CASE
        WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 1 THEN CASE
            WHEN (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 4 = 0 AND ((((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 100 <> 0 OR (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 400 = 0) THEN 29
            ELSE 28
        END
        WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 3 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 5 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 8 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 10 THEN 30
        ELSE 31
    END THEN DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))
    WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 1 THEN CASE
        WHEN (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 4 = 0 AND ((((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 100 <> 0 OR (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 400 = 0) THEN 29
        ELSE 28
    END
    WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 3 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 5 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 8 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 10 THEN 30
    ELSE 31
END AS [Deadline]
FROM [Contracts] AS [c]
LEFT JOIN (
    SELECT [c0].[Id], [c0].[PredecessorId], [c0].[StartDate]
    FROM [Contracts] AS [c0]
    WHERE [c0].[WithdrawnAtUtc] IS NULL
) AS [c1] ON [c].[Id] = [c1].[PredecessorId]
WHERE [c].[WithdrawnAtUtc] IS NULL AND [c].[AwardedOn] IS NOT NULL AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= [c1].[StartDate] THEN 4
    WHEN @today2 < [c].[StartDate] THEN 0
    WHEN @today2 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END <> 3 AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= [c1].[StartDate] THEN 4
    WHEN @today2 < [c].[StartDate] THEN 0
    WHEN @today2 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END <> 4 AND [c].[TerminatedOn] IS NULL AND [c1].[Id] IS NULL AND [c].[CurrentEndDate] >= @today2 AND ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) * 32 + CASE
    WHEN DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) <= 28 OR DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) <= CASE
        WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 1 THEN CASE
            WHEN (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 4 = 0 AND ((((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 100 <> 0 OR (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 400 = 0) THEN 29
            ELSE 28
        END
        WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 3 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 5 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 8 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 10 THEN 30
        ELSE 31
    END THEN DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))
    WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 1 THEN CASE
        WHEN (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 4 = 0 AND ((((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 100 <> 0 OR (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 400 = 0) THEN 29
        ELSE 28
    END
    WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 3 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 5 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 8 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 10 THEN 30
    ELSE 31
END <= @horizonNumber
ORDER BY ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) * 32 + CASE
    WHEN DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) <= 28 OR DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) <= CASE
        WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 1 THEN CASE
            WHEN (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 4 = 0 AND ((((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 100 <> 0 OR (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 400 = 0) THEN 29
            ELSE 28
        END
        WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 3 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 5 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 8 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 10 THEN 30
        ELSE 31
    END THEN DATEPART(day, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))
    WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 1 THEN CASE
        WHEN (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 4 = 0 AND ((((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 100 <> 0 OR (((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) / 12) % 400 = 0) THEN 29
        ELSE 28
    END
    WHEN ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 3 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 5 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 8 OR ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) % 12 = 10 THEN 30
    ELSE 31
END, [c].[Reference]

-- next command

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

-- next command

SELECT [c].[Id], [c].[Reference], [c].[ServiceCategory], [c].[StartDate], [c].[AwardedOn], [c].[CurrentEndDate], [c].[MaximumEndDate], [c].[TerminatedOn], [c].[TerminationReason], [c].[AnnualValuePence], [c].[ProcuredUnderProcurementAct], [c].[IsLightTouchContract], [c].[IsUserChoiceDirectAward], [c].[EnteredIntoOn], [c].[Title], [c].[ResponsibleCommissionerId], [c].[HistoricCommissionerName]
FROM [Contracts] AS [c]
WHERE [c].[WithdrawnAtUtc] IS NULL AND [c].[AwardedOn] IS NOT NULL AND ([c].[ProcuredUnderProcurementAct] = CAST(1 AS bit) OR ([c].[ProcuredUnderProcurementAct] IS NULL AND [c].[AwardedOn] >= @from))
