namespace Commissioning.Web.Pages.Account.Security;

/// <summary>What the pages of "Sign-in and security" share: the two-step setting. (This device's cookie is issued again
/// with SignInManager.RefreshSignInAsync, which SessionSignInManager makes keep the session.)</summary>
public static class AccountSecurity
{
    /// <summary>
    /// <c>Security:RequireTwoStep</c>: on by default outside demo mode (issue 13). When on, two-step sign-in
    /// cannot be turned off here.
    /// </summary>
    public static bool TwoStepRequired(IConfiguration configuration) =>
        configuration.GetValue("Security:RequireTwoStep", !configuration.GetValue<bool>("Demo:Enabled"));
}
