SELECT [a].[Id], [a].[DisplayName]
FROM [AspNetUsers] AS [a]

-- next command

SELECT [c].[Id], [c].[Reference], [c].[Title], [c].[ResponsibleCommissionerId], [c].[HistoricCommissionerName], [c].[CurrentEndDate], [c].[NoticePeriodMonths], [c].[TerminatedOn], COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) AS [LastDay], CASE
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
WHERE [c].[WithdrawnAtUtc] IS NULL AND [c].[AwardedOn] IS NOT NULL AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= (
        SELECT MIN([c0].[StartDate])
        FROM [Contracts] AS [c0]
        WHERE [c0].[WithdrawnAtUtc] IS NULL AND [c0].[PredecessorId] = [c].[Id]) THEN 4
    WHEN @today2 < [c].[StartDate] THEN 0
    WHEN @today2 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END NOT IN (3, 4) AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @first AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) <= @last
ORDER BY COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]), [c].[Reference]

-- next command

SELECT [c].[Id], [c].[Reference], [c].[Title], [c].[ResponsibleCommissionerId], [c].[HistoricCommissionerName], [c].[CurrentEndDate], [c].[NoticePeriodMonths], [c].[TerminatedOn], COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) AS [LastDay], CASE
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
WHERE [c].[WithdrawnAtUtc] IS NULL AND [c].[AwardedOn] IS NOT NULL AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= (
        SELECT MIN([c0].[StartDate])
        FROM [Contracts] AS [c0]
        WHERE [c0].[WithdrawnAtUtc] IS NULL AND [c0].[PredecessorId] = [c].[Id]) THEN 4
    WHEN @today2 < [c].[StartDate] THEN 0
    WHEN @today2 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END NOT IN (3, 4) AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @first AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) <= @last
ORDER BY COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]), [c].[Reference]

-- next command

SELECT [c].[Id], [c].[Reference], [c].[Title], [c].[ResponsibleCommissionerId], [c].[HistoricCommissionerName], [c].[CurrentEndDate], [c].[NoticePeriodMonths], [c].[TerminatedOn], COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) AS [LastDay], CASE
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
WHERE [c].[WithdrawnAtUtc] IS NULL AND [c].[AwardedOn] IS NOT NULL AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= (
        SELECT MIN([c0].[StartDate])
        FROM [Contracts] AS [c0]
        WHERE [c0].[WithdrawnAtUtc] IS NULL AND [c0].[PredecessorId] = [c].[Id]) THEN 4
    WHEN @today2 < [c].[StartDate] THEN 0
    WHEN @today2 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END NOT IN (3, 4) AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @first AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) <= @last
ORDER BY COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]), [c].[Reference]

-- next command

SELECT [c].[Id], [c].[Reference], [c].[Title], [c].[ResponsibleCommissionerId], [c].[HistoricCommissionerName], [c].[CurrentEndDate], [c].[NoticePeriodMonths], [c].[TerminatedOn], COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) AS [LastDay], CASE
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
WHERE [c].[WithdrawnAtUtc] IS NULL AND [c].[AwardedOn] IS NOT NULL AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= (
        SELECT MIN([c0].[StartDate])
        FROM [Contracts] AS [c0]
        WHERE [c0].[WithdrawnAtUtc] IS NULL AND [c0].[PredecessorId] = [c].[Id]) THEN 4
    WHEN @today2 < [c].[StartDate] THEN 0
    WHEN @today2 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END NOT IN (3, 4) AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @first AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) <= @last
ORDER BY COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]), [c].[Reference]

-- next command

SELECT [c].[Id], [c].[Reference], [c].[Title], [c].[ResponsibleCommissionerId], [c].[HistoricCommissionerName], [c].[CurrentEndDate], [c].[NoticePeriodMonths], [c].[TerminatedOn], COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) AS [LastDay], CASE
    WHEN EXISTS (
        SELECT 1
        FROM [Contracts] AS [c2]
        WHERE [c2].[WithdrawnAtUtc] IS NULL AND [c2].[PredecessorId] = [c].[Id]) THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [HasSuccessor], CASE
    WHEN EXISTS (
        SELECT 1
        FROM [ContractExtensionOptions] AS [c3]
        WHERE [c].[Id] = [c3].[ContractId] AND [c3].[IsExercised] = CAST(0 AS bit)) THEN CAST(1 AS bit)
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
WHERE [c].[WithdrawnAtUtc] IS NULL AND [c].[AwardedOn] IS NOT NULL AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= (
        SELECT MIN([c0].[StartDate])
        FROM [Contracts] AS [c0]
        WHERE [c0].[WithdrawnAtUtc] IS NULL AND [c0].[PredecessorId] = [c].[Id]) THEN 4
    WHEN @today2 < [c].[StartDate] THEN 0
    WHEN @today2 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END NOT IN (3, 4) AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) < @today2 AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @endedSince AND [c].[TerminatedOn] IS NULL AND NOT EXISTS (
    SELECT 1
    FROM [Contracts] AS [c1]
    WHERE [c1].[WithdrawnAtUtc] IS NULL AND [c1].[PredecessorId] = [c].[Id])
ORDER BY [c].[CurrentEndDate], [c].[Reference]

-- next command

SELECT [c].[Id], [c].[Reference], [c].[Title], [c].[ResponsibleCommissionerId], [c].[HistoricCommissionerName], [c].[CurrentEndDate], [c].[NoticePeriodMonths], [c].[TerminatedOn], COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) AS [LastDay], CASE
    WHEN EXISTS (
        SELECT 1
        FROM [Contracts] AS [c2]
        WHERE [c2].[WithdrawnAtUtc] IS NULL AND [c2].[PredecessorId] = [c].[Id]) THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END AS [HasSuccessor], CASE
    WHEN EXISTS (
        SELECT 1
        FROM [ContractExtensionOptions] AS [c3]
        WHERE [c].[Id] = [c3].[ContractId] AND [c3].[IsExercised] = CAST(0 AS bit)) THEN CAST(1 AS bit)
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
WHERE [c].[WithdrawnAtUtc] IS NULL AND [c].[AwardedOn] IS NOT NULL AND CASE
    WHEN @today > [c].[TerminatedOn] THEN 3
    WHEN @today >= (
        SELECT MIN([c0].[StartDate])
        FROM [Contracts] AS [c0]
        WHERE [c0].[WithdrawnAtUtc] IS NULL AND [c0].[PredecessorId] = [c].[Id]) THEN 4
    WHEN @today2 < [c].[StartDate] THEN 0
    WHEN @today2 > [c].[CurrentEndDate] THEN 2
    ELSE 1
END NOT IN (3, 4) AND [c].[TerminatedOn] IS NULL AND NOT EXISTS (
    SELECT 1
    FROM [Contracts] AS [c1]
    WHERE [c1].[WithdrawnAtUtc] IS NULL AND [c1].[PredecessorId] = [c].[Id]) AND [c].[CurrentEndDate] >= @today2 AND ((((DATEPART(year, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate])) * 12 + DATEPART(month, DATEADD(day, CAST(1 AS int), [c].[CurrentEndDate]))) - 1) - [c].[NoticePeriodMonths]) - @leadTimeMonths) * 32 + CASE
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
