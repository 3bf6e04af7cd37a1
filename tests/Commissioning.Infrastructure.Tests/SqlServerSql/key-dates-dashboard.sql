SELECT [a].[Id], [a].[DisplayName]
FROM [AspNetUsers] AS [a]

-- next command

SELECT TOP(1) COUNT(CASE
    WHEN COALESCE([s].[TerminatedOn], [s].[CurrentEndDate]) <= @b3 THEN 1
END), COUNT(CASE
    WHEN COALESCE([s].[TerminatedOn], [s].[CurrentEndDate]) > @b3 AND COALESCE([s].[TerminatedOn], [s].[CurrentEndDate]) <= @b6 THEN 1
END), COUNT(CASE
    WHEN COALESCE([s].[TerminatedOn], [s].[CurrentEndDate]) > @b6 AND COALESCE([s].[TerminatedOn], [s].[CurrentEndDate]) <= @b12 THEN 1
END), COUNT(CASE
    WHEN COALESCE([s].[TerminatedOn], [s].[CurrentEndDate]) > @b12 THEN 1
END)
FROM (
    SELECT [c].[CurrentEndDate], [c].[TerminatedOn], 1 AS [Key]
    FROM [Contracts] AS [c]
    LEFT JOIN (
        SELECT [c0].[PredecessorId], [c0].[StartDate]
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
    END <> 4 AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) >= @_8__locals1_today AND COALESCE([c].[TerminatedOn], [c].[CurrentEndDate]) <= @b18
) AS [s]
GROUP BY [s].[Key]

-- next command

SELECT COUNT(*)
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
