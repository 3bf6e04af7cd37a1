using System.Net;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Providers;
using Commissioning.Infrastructure.Identity;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages;

/// <summary>
/// Text longer than its column is a message at the field, never a 500 from the save's length guard (or, on SQL Server,
/// from nvarchar(n)): each form checks the model's own length (decision 0022).
/// </summary>
[Collection(SharedApp.People)]
public sealed class OverLongTextTests(CommissioningFactory factory)
{
    private static readonly DateOnly Start = new(2026, 4, 1);
    private static readonly DateOnly End = new(2029, 3, 31);
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task A_user_email_over_256_characters_is_refused_at_its_field_and_no_user_is_made()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var email = new string('a', ApplicationUser.EmailMaxLength - "@council.test".Length + 1) + "@council.test";
        var fields = new FormFields
        {
            { "Input.Email", email }, { "Input.DisplayName", "Long Address" }, { "Input.Password", "harbour lantern pebble" }, { "Input.Roles", Roles.Viewer },
        };

        var page = await admin.PostFormAsync("/Admin/Users/Create", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Email address must be 256 characters or fewer", page.FieldError("Input-Email"));
        Assert.Contains("Email address must be 256 characters or fewer", page.ErrorSummary);
        await using var scope = factory.OpenDb();
        Assert.False(await scope.Db.Users.AnyAsync(u => u.DisplayName == "Long Address"));
    }

    [Fact]
    public async Task A_user_email_of_exactly_256_characters_is_taken()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var email = new string('b', ApplicationUser.EmailMaxLength - "@council.test".Length) + "@council.test";
        var fields = new FormFields
        {
            { "Input.Email", email }, { "Input.DisplayName", "Longest Address" }, { "Input.Password", "harbour lantern pebble" }, { "Input.Roles", Roles.Viewer },
        };

        var page = await admin.PostFormAsync("/Admin/Users/Create", fields);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
    }

    [Fact]
    public async Task A_sub_contract_service_over_its_length_is_refused_at_its_field()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var lead = await factory.ProviderIdAsync("Northern Care Alliance NHS Foundation Trust");
        var sub = await factory.ProviderIdAsync("Community Connect Advocacy");
        var title = $"Over-long sub-contract {Guid.NewGuid():N}";

        var page = await client.PostFormAsync("/Contracts/Create?form=LeadProvider", ContractInput.LeadProvider(title, lead, "500,000.00", Start, End,
            (sub, new string('s', SubContract.ServiceMaxLength + 1), "1,000.00")));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"Sub-contract 1: the service must be {SubContract.ServiceMaxLength} characters or fewer", page.FieldError("Input-SubContracts-0-Service"));
        await AssertNoContractAsync(title);
    }

    [Fact]
    public async Task A_consortium_member_role_over_its_length_is_refused_at_its_field()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var first = await factory.ProviderIdAsync("Northern Care Alliance NHS Foundation Trust");
        var second = await factory.ProviderIdAsync("Community Connect Advocacy");
        var title = $"Over-long member role {Guid.NewGuid():N}";

        var page = await client.PostFormAsync("/Contracts/Create?form=Consortium", ContractInput.Consortium(title, "500,000.00", Start, End,
            (first, "Lead", true), (second, new string('r', ConsortiumMember.RoleMaxLength + 1), false)));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"Member 2: the role must be {ConsortiumMember.RoleMaxLength} characters or fewer", page.FieldError("Input-Members-1-Role"));
        await AssertNoContractAsync(title);
    }

    [Theory]
    [InlineData("Input.Title", "Input-Title", Contract.TitleMaxLength, "The title must be")]
    [InlineData("Input.Description", "Input-Description", Contract.DescriptionMaxLength, "The description must be")]
    [InlineData("Input.BreakClause", "Input-BreakClause", Contract.BreakClauseMaxLength, "The break clause must be")]
    public async Task A_contract_field_over_its_length_is_refused_at_the_field(string name, string id, int max, string message)
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var provider = await factory.ProviderIdAsync("Riverside Day Opportunities");
        var title = $"Over-long field {Guid.NewGuid():N}";
        var fields = ContractInput.Block(title, provider, "10,000.00", Start, End);
        fields.Set(name, new string('t', max + 1));

        var page = await client.PostFormAsync("/Contracts/Create?form=Block", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith(message, page.FieldError(id));
        await AssertNoContractAsync(title);
    }

    [Theory]
    [InlineData("Input.Name", "Input-Name", Provider.NameMaxLength)]
    [InlineData("Input.RegistrationNumber", "Input-RegistrationNumber", Provider.RegistrationNumberMaxLength)]
    [InlineData("Input.Address", "Input-Address", Provider.AddressMaxLength)]
    [InlineData("Input.ContactEmail", "Input-ContactEmail", Provider.ContactMaxLength)]
    public async Task A_provider_field_over_its_length_is_refused_at_the_field(string name, string id, int max)
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var fields = new FormFields { { "Input.Name", "Over-long Care Ltd" }, { "Input.OrganisationType", "PrivateCompany" } };
        // An address-shaped value, so only its length is wrong.
        fields.Set(name, name.EndsWith("Email", StringComparison.Ordinal) ? new string('e', max - 9) + "@care.test" : new string('p', max + 1));

        var page = await client.PostFormAsync("/Providers/Create", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"must be {max} characters or fewer", page.FieldError(id));
    }

    // Titles are unique per test, and the database is reset for each one; the title itself may be the over-long field.
    private async Task AssertNoContractAsync(string title)
    {
        await using var scope = factory.OpenDb();
        Assert.False(await scope.Db.Contracts.AnyAsync(c => c.Title == title || c.Title.Length > Contract.TitleMaxLength));
    }
}
