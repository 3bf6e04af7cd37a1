using System.Security.Claims;
using Commissioning.Infrastructure.Identity;

namespace Commissioning.Web.Forms;

public static class Actors
{
    /// <summary>The signed-in person: the account id decides segregation of duties, the name is for people to read.</summary>
    public static Actor AsActor(this ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The user has no account id."),
            user.DisplayName());

    /// <summary>
    /// The person's display name, from their sign-in cookie (see <see cref="Setup.DisplayNameClaims"/>); never their sign-in
    /// e-mail address, which pages do not show. A cookie without the claim is given it at its next request.
    /// </summary>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(People.DisplayNameClaim) is { Length: > 0 } name ? name : "Signed in";
}
