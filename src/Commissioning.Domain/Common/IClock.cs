namespace Commissioning.Domain.Common;

/// <summary>Today's date in the council's time zone; injected so rules never read the machine clock.</summary>
public interface IClock
{
    DateOnly Today { get; }
    DateTime UtcNow { get; }
}
