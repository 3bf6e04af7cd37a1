using System.Security.Claims;
using Commissioning.Domain.Finance;

namespace Commissioning.Web.Forms;

public static class Actors
{
    /// <summary>The signed-in person: the account id decides segregation of duties, the name is for people to read.</summary>
    public static Actor AsActor(this ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The user has no account id."),
            user.Identity?.Name ?? "unknown");
}
