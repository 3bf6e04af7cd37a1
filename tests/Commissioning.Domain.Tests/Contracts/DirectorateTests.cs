using Commissioning.Domain.Contracts;

namespace Commissioning.Domain.Tests.Contracts;

public class DirectorateTests
{
    [Fact]
    public void A_directorate_is_named_trimmed_and_in_use()
    {
        var directorate = new Directorate("  Adult Social Care ");

        Assert.Equal("Adult Social Care", directorate.Name);
        Assert.False(directorate.IsRetired);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_directorate_needs_a_name(string name) =>
        Assert.StartsWith("A directorate must have a name.", Assert.Throws<ArgumentException>(() => new Directorate(name)).Message);

    [Fact]
    public void A_name_longer_than_the_limit_is_refused_and_the_old_name_kept()
    {
        var directorate = new Directorate("Adult Social Care");

        Assert.Throws<ArgumentException>(() => directorate.Rename(new string('x', Directorate.NameMaxLength + 1)));

        Assert.Equal("Adult Social Care", directorate.Name);
    }

    [Fact]
    public void Retiring_keeps_the_first_date_and_reinstating_brings_it_back()
    {
        var directorate = new Directorate("Strategic Commissioning");
        var first = new DateTime(2026, 4, 1, 9, 0, 0, DateTimeKind.Utc);

        directorate.Retire(first);
        directorate.Retire(first.AddDays(3));

        Assert.True(directorate.IsRetired);
        Assert.Equal(first, directorate.RetiredAtUtc);

        directorate.Reinstate();

        Assert.False(directorate.IsRetired);
        Assert.Null(directorate.RetiredAtUtc);
    }
}
