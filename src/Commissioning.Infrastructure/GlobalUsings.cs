// EF Core is what this project is about; every configuration and query file would import it.
global using Microsoft.EntityFrameworkCore;
global using Microsoft.EntityFrameworkCore.Metadata.Builders;
