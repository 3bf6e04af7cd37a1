using System.Globalization;
using Commissioning.Infrastructure.Demo;
using Commissioning.Infrastructure.Documents;
using Commissioning.Infrastructure.Identity;
using Commissioning.Infrastructure.Import;
using Commissioning.Infrastructure.KeyDates;
using Commissioning.Infrastructure.Pdf;
using Commissioning.Web.Pdf;
using Microsoft.AspNetCore.Localization;

// The machine has no culture: money and dates are shown the en-GB way whatever it says.
var ukCulture = CultureInfo.GetCultureInfo("en-GB");
CultureInfo.DefaultThreadCurrentCulture = ukCulture;
CultureInfo.DefaultThreadCurrentUICulture = ukCulture;

// `backup DEST`: a consistent copy of the SQLite database while the app runs (build/backup.sh, docs/operations.md).
if (BackupCommand.IsRequested(args))
{
    Environment.ExitCode = BackupCommand.Run(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);
// No "Server: Kestrel" on every answer: it tells an attacker what to try first.
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IClock, SystemClock>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<IAuditContext, HttpAuditContext>();
builder.Services.AddCommissioningDatabase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddBenchSqlCapture(builder.Configuration);
builder.Services.AddCommissioningIdentity(builder.Configuration, builder.Environment);
builder.Services.AddAuthorization(Policies.Add);
builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddScoped<AccountBootstrap>();
builder.Services.AddPdfAssets();
builder.Services.AddScoped<ViewRenderer>();
builder.Services.AddScoped<PdfPrinter>();
builder.Services.AddPdf(builder.Configuration);
builder.Services.AddKeyDates(builder.Configuration);
builder.Services.AddSpreadsheetImport();
// Documents attached to contracts, events, decisions and agenda items, kept in the database (decision 0036).
builder.Services.AddDocuments(builder.Configuration);
builder.Services.AddScoped<Commissioning.Web.Pages.Documents.DocumentOwners>();
builder.Services.AddCommissioningHealthChecks();
// The public contracts page and the OCDS feed (docs/publishing.md).
builder.Services.AddPublicRegister(builder.Configuration);
builder.Services.AddRazorPages()
    .AddMvcOptions(o =>
    {
        // Forms are checked by their FluentValidation validators, with our own messages.
        o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        o.Filters.Add<ValidationLogging>();
        o.Filters.Add<UnknownHandlerIsNotFound>();
    });
// Behind the council's TLS proxy: App:BaseUrl, and forwarded headers from Proxy:KnownProxies/KnownNetworks only (decision 0020).
builder.Services.AddPublicAddress(builder.Configuration, builder.Environment);
builder.Services.AddProxyTrust(builder.Configuration);
builder.Services.AddHsts(o =>
{
    o.MaxAge = TimeSpan.FromDays(365);
    o.IncludeSubDomains = true;
});

var app = builder.Build();

// Chromium starts beside the database's start-up, not after it (Pdf:StartWithApp).
app.Services.StartPdfInBackground(app.Configuration);

// Migrations, roles, the first administrator, demo data: one instance at a time (decision 0023).
await DatabaseStartup.RunAsync(app.Services, app.Configuration.GetValue<bool>("Demo:Enabled"));

// First, so every request gets its one line, with the status actually sent (error pages included).
app.UseRequestLogging();
app.UseProxyHeaders();
if (app.Environment.IsDevelopment())
    app.UseDeveloperExceptionPage();
else
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
// The error page is shown as a GET even when a POST failed: it changes nothing, and a form
// refused for a missing antiforgery token must not be refused again on the way to its error page.
app.Use((context, next) =>
{
    if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
        || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null)
        context.Request.Method = HttpMethods.Get;
    return next(context);
});
app.UseSecurityHeaders();
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(ukCulture),
    SupportedCultures = [ukCulture],
    SupportedUICultures = [ukCulture],
});
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseTwoStepRequirement(app.Configuration);
app.UseAuthorization();

app.MapCommissioningHealthChecks();
app.MapRazorPages();

app.Run();

public partial class Program;
