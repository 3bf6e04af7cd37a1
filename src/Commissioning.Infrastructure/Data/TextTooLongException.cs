namespace Commissioning.Infrastructure.Data;

/// <summary>
/// A save refused because a text is longer than its column (<see cref="LengthGuard"/>). Forms check lengths
/// field by field first; this is the last line, so SQL Server never truncates or fails on nvarchar(n).
/// </summary>
public sealed class TextTooLongException(string entityName, string propertyName, int maxLength, int length)
    : InvalidOperationException($"{entityName}.{propertyName} is {length:N0} characters long; its column holds {maxLength:N0}. Nothing was saved.")
{
    public string EntityName { get; } = entityName;
    public string PropertyName { get; } = propertyName;
    public int MaxLength { get; } = maxLength;
    public int Length { get; } = length;
}
