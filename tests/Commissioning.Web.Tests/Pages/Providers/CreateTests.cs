using System.Net;
using Commissioning.Domain.Providers;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Providers;

[Collection(SharedApp.People)]
public sealed class CreateTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task Provider_added_through_the_page_is_saved_and_listed()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var name = $"Hollins Vale Care CIC {Guid.NewGuid():N}"[..32];

        var page = await client.PostFormAsync("/Providers/Create", new FormFields
        {
            { "Input.Name", name }, { "Input.OrganisationType", "Vcse" }, { "Input.IsSme", "true" }, { "Input.RegistrationNumber", "12345678" },
        });

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/Providers", page.Location);
        await using (var scope = factory.OpenDb())
        {
            var saved = await scope.Db.Providers.AsNoTracking().SingleAsync(p => p.Name == name);
            // A VCSE organisation type is a VCSE whether or not the box was ticked.
            Assert.Equal((OrganisationType.Vcse, true, true, "12345678"), (saved.OrganisationType, saved.IsSme, saved.IsVcse, saved.RegistrationNumber));
        }
        var list = await client.GetPageAsync("/Providers?Q=" + Uri.EscapeDataString(name));
        Assert.Contains($"{name} added", list.Text);
        Assert.Contains("1 provider", list.Text);
    }

    [Fact]
    public async Task Provider_without_a_name_or_type_is_refused_at_each_field_and_not_saved()
    {
        var client = await factory.SignedInClientAsync(Administrator);
        int before;
        await using (var scope = factory.OpenDb()) before = await scope.Db.Providers.CountAsync();

        var page = await client.PostFormAsync("/Providers/Create", new FormFields { { "Input.Name", " " }, { "Input.RegistrationNumber", "12/34" } });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Enter the provider's name", page.FieldError("Input-Name"));
        Assert.Equal("Choose the type of organisation", page.FieldError("Input-OrganisationType"));
        Assert.Contains("can only contain letters, numbers, spaces and hyphens", page.FieldError("Input-RegistrationNumber"));
        await using (var scope = factory.OpenDb()) Assert.Equal(before, await scope.Db.Providers.CountAsync());
    }
}
