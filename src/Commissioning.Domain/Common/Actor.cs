namespace Commissioning.Domain.Common;

/// <summary>Who did something, by account id (for the segregation rule) and by name (for people to read).</summary>
public sealed record Actor(string UserId, string Name);
