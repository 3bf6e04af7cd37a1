using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Web.Tests.Support;

/// <summary>Directorates for contracts a test adds straight to the database.</summary>
public static class Directorates
{
    /// <summary>The id of the directorate called <paramref name="name"/>, added to the list first if it is not on it.</summary>
    public static async Task<int> DirectorateIdAsync(this CommissioningDbContext db, string name)
    {
        if (await db.Directorates.Where(d => d.Name == name).Select(d => (int?)d.Id).FirstOrDefaultAsync() is { } id) return id;
        var directorate = new Directorate(name);
        db.Directorates.Add(directorate);
        try
        {
            await db.SaveChangesAsync();
            return directorate.Id;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another test added it a moment ago.
            db.Entry(directorate).State = EntityState.Detached;
            return await db.Directorates.Where(d => d.Name == name).Select(d => d.Id).SingleAsync();
        }
    }
}
