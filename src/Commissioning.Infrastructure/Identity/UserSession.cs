namespace Commissioning.Infrastructure.Identity;

/// <summary>
/// One signed-in session, held on the server. The sign-in cookie names it; a request whose session is ended or
/// gone is signed out, so ending the row ends every copy of the cookie at once (issue 13, defect 1).
/// </summary>
public sealed class UserSession
{
    public const int IdLength = 32;
    public const int ClientMaxLength = 100;

    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTime SignedInAtUtc { get; set; }
    /// <summary>Moved on at most once a minute (<see cref="UserSessions.SeenEvery"/>), not on every request.</summary>
    public DateTime LastSeenAtUtc { get; set; }
    public DateTime? EndedAtUtc { get; set; }
    /// <summary>A few words on the browser and system, like "Firefox on Windows", for the person's list of sessions.</summary>
    public string Client { get; set; } = "";
}
