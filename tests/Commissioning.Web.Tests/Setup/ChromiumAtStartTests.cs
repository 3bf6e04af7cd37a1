using Commissioning.Infrastructure.Pdf;
using Commissioning.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Web.Tests.Setup;

/// <summary>
/// Issue 15 (start-up under 3 s): Chromium takes most of a second to start, so the app starts it beside the database's
/// start-up (Pdf:StartWithApp, on unless set off) rather than leaving it to the first readiness check after.
/// </summary>
public sealed class ChromiumAtStartTests
{
    [Fact]
    public async Task Chromium_is_started_with_the_app_before_anything_asks_for_it()
    {
        await using var factory = CommissioningFactory.With(("Pdf:StartWithApp", "true"));
        var renderer = factory.Services.GetRequiredService<ChromiumPdfRenderer>();

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!renderer.IsRunning && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50);

        Assert.True(renderer.IsRunning);
    }

    [Fact]
    public async Task Set_off_Chromium_waits_for_the_first_pdf_or_readiness_check()
    {
        await using var factory = CommissioningFactory.With(("Pdf:StartWithApp", "false"));
        var renderer = factory.Services.GetRequiredService<ChromiumPdfRenderer>();
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.False(renderer.IsRunning);
        await renderer.CheckAsync();
        Assert.True(renderer.IsRunning);
    }
}
