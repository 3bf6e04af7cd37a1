using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Providers;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commissioning.Infrastructure.Demo;

/// <summary>
/// Loads the five seed papers in shared/seeds as register entries, plus a spread of smaller
/// contracts so that filters and paging have something to show. Runs only when Demo:Enabled.
/// Figures the papers give are exact; figures they do not give are marked illustrative.
/// </summary>
public sealed class DemoSeeder(CommissioningDbContext db, AccountBootstrap accounts, IOptions<DemoOptions> options, IClock clock, ILogger<DemoSeeder> logger)
{
    // A contract's directorate by name and its commissioner by display name, as the helper Describe below is given them.
    private readonly Dictionary<string, int> _directorates = [];
    private readonly Dictionary<string, string> _users = [];

    public async Task SeedAsync()
    {
        foreach (var (email, name, role) in DemoOptions.Users)
            _users[name] = (await accounts.CreateUserAsync(email, name, options.Value.Password, role)).Id;
        if (!await db.Contracts.AnyAsync())
        {
            await SeedDirectoratesAsync();
            var p = await SeedProvidersAsync();
            await SeedPaperContractsAsync(p);
            await SeedSpreadAsync(p);
            await new FinanceDemoSeeder(db, clock).SeedAsync();
            await new GovernanceDemoSeeder(db, clock).SeedAsync();
            await new BoardPackDemoSeeder(db, clock).SeedAsync();
            await new LifecycleDemoSeeder(db, clock).SeedAsync();
        }
        // Added once, to a new demo or one already there.
        if (options.Value.ExtraContracts > 0)
        {
            var timer = System.Diagnostics.Stopwatch.StartNew();
            var added = await new ScaleDemoSeeder(db, clock, options.Value.ExtraContracts).SeedAsync(Actor(DemoOptions.Users[0]), Actor(DemoOptions.Users[2]));
            if (added > 0) logger.LogInformation("Generated {Count} demo contracts (Demo:ExtraContracts) in {Seconds:0.0} s.", added, timer.Elapsed.TotalSeconds);
        }
    }

    /// <summary>A demo user as the records name them, from the accounts made at the start of <see cref="SeedAsync"/>.</summary>
    private Actor Actor((string Email, string Name, string Role) user) => new(_users[user.Name], user.Name);

    private async Task SeedDirectoratesAsync()
    {
        string[] names = ["Adult Social Care", "Adults and Communities", "Community Commissioning", "Social Care, Health and Wellbeing", "Strategic Commissioning"];
        var existing = await db.Directorates.Select(d => d.Name).ToListAsync();
        db.Directorates.AddRange(names.Except(existing).Select(name => new Directorate(name)));
        await db.SaveChangesAsync();
        foreach (var d in await db.Directorates.ToListAsync()) _directorates[d.Name] = d.Id;
    }

    private async Task<Dictionary<string, Provider>> SeedProvidersAsync()
    {
        var list = new[]
        {
            new ProviderDetails("Persona Care and Support Limited", OrganisationType.CouncilOwnedCompany, IsSme: false, IsVcse: false,
                Address: "Bury, Greater Manchester", ContactName: "Managing Director"),
            new ProviderDetails("Northern Care Alliance NHS Foundation Trust", OrganisationType.NhsBody, false, false, Address: "Salford, Greater Manchester"),
            new ProviderDetails("Pennine Care NHS Foundation Trust", OrganisationType.NhsBody, false, false, Address: "Ashton-under-Lyne, Greater Manchester"),
            new ProviderDetails("Bury Voluntary, Community and Faith Alliance", OrganisationType.Vcse, true, true, Address: "Bury, Greater Manchester"),
            new ProviderDetails("Bury GP Federation", OrganisationType.PrivateCompany, true, false, Address: "Bury, Greater Manchester"),
            new ProviderDetails("Charnwood Home Support Ltd", OrganisationType.PrivateCompany, true, false, Address: "Loughborough, Leicestershire"),
            new ProviderDetails("Soar Valley Care Ltd", OrganisationType.PrivateCompany, true, false, Address: "Loughborough, Leicestershire"),
            new ProviderDetails("Harborough and Melton Care at Home Ltd", OrganisationType.PrivateCompany, true, false, Address: "Market Harborough, Leicestershire"),
            new ProviderDetails("Welland Community Care CIC", OrganisationType.Vcse, true, true, Address: "Melton Mowbray, Leicestershire"),
            new ProviderDetails("Avon Specialist Support Ltd", OrganisationType.PrivateCompany, true, false, Address: "Bath, Somerset"),
            new ProviderDetails("Bath Mental Health Housing Association", OrganisationType.Vcse, true, true, Address: "Bath, Somerset"),
            new ProviderDetails("Mendip Residential Care Ltd", OrganisationType.PrivateCompany, true, false, Address: "Midsomer Norton, Somerset"),
            new ProviderDetails("Kent Homecare Partnership Ltd", OrganisationType.PrivateCompany, false, false, Address: "Maidstone, Kent"),
            new ProviderDetails("Riverside Day Opportunities", OrganisationType.Vcse, true, true, Address: "Bury, Greater Manchester"),
            new ProviderDetails("Greenfields Residential Homes Ltd", OrganisationType.PrivateCompany, true, false, Address: "Rochdale, Greater Manchester"),
            new ProviderDetails("Irwell Supported Living Ltd", OrganisationType.PrivateCompany, true, false, Address: "Ramsbottom, Greater Manchester"),
            new ProviderDetails("Community Connect Advocacy", OrganisationType.Vcse, true, true, Address: "Prestwich, Greater Manchester"),
            new ProviderDetails("Bury Council Shared Lives", OrganisationType.Other, false, false, Address: "Bury, Greater Manchester"),
        };
        var providers = list.Select(d => new Provider(d)).ToList();
        db.Providers.AddRange(providers);
        await db.SaveChangesAsync();
        return providers.ToDictionary(x => x.Name);
    }

    private async Task SeedPaperContractsAsync(Dictionary<string, Provider> p)
    {
        // 000: Persona, the council's LATCo, directly awarded under Teckal. Old contract to 31 March 2021, renewed for 10 years.
        var personaOld = new BlockContract(p["Persona Care and Support Limited"].Id, Money.Pounds(12_393_408m));
        Describe(personaOld, "SC-2015-0001", "Persona Care and Support – adult social care services (2015–2021)",
            "Day services, short stay, supported living, extra care and Shared Lives, transferred from the council when Persona stepped out on 1 October 2015. Annual value shown is 2019/20 (£12,393,408).",
            ServiceCategory.SupportedLiving, "Community Commissioning", "Julie Gonda", ProcurementRoute.TeckalDirectAward, true);
        personaOld.SetTerm(new ContractTerm(new DateOnly(2015, 10, 1), new DateOnly(2021, 3, 31), [], 12,
            "Either party may terminate on 12 months' notice without cause."));
        personaOld.RecordAward(new DateOnly(2015, 9, 30), lettingDecision: null);
        db.Contracts.Add(personaOld);
        await db.SaveChangesAsync();

        var persona = new BlockContract(p["Persona Care and Support Limited"].Id, Money.Pounds(11_393_408m));
        Describe(persona, "SC-2021-0001", "Persona Care and Support – contract renewal 1 April 2021 to 31 March 2031",
            "Outcome-based 10-year block contract with the council's Local Authority Trading Company. The value is reviewed and set annually; reduced by £1m in 2021/22 and a further £1.5m in 2022/23. Annual value shown is 2021/22.",
            ServiceCategory.SupportedLiving, "Community Commissioning", "Julie Gonda", ProcurementRoute.TeckalDirectAward, true);
        persona.SetTerm(new ContractTerm(new DateOnly(2021, 4, 1), new DateOnly(2031, 3, 31), [], 12,
            "Either party may terminate on 12 months' notice without cause. Material changes to the specification are varied under clause 53."));
        persona.RecordAward(new DateOnly(2021, 3, 24), lettingDecision: null);
        persona.Renews(personaOld);
        db.Contracts.Add(persona);

        // 001: Bury Local Care Organisation, a lead provider holding the contract and sub-contracting its supply chain.
        var lco = new LeadProviderContract(p["Northern Care Alliance NHS Foundation Trust"].Id, Money.Pounds(48_250_000m),
        [
            new SubContract(p["Pennine Care NHS Foundation Trust"].Id, "Neighbourhood mental health teams", Money.Pounds(6_120_000m)),
            new SubContract(p["Bury Voluntary, Community and Faith Alliance"].Id, "Community and voluntary sector wellbeing support", Money.Pounds(1_850_000m)),
            new SubContract(p["Bury GP Federation"].Id, "Primary care input to integrated neighbourhood teams", Money.Pounds(2_400_000m)),
        ]);
        Describe(lco, "SC-2021-0002", "Bury Local Care Organisation – integrated community health and care (lead provider)",
            "Lead provider model for the LCO: the lead holds the contract with commissioners and sub-contracts to LCO members, co-ordinating the supply chain. Values are illustrative: the paper gives none.",
            ServiceCategory.CommunityHealth, "Strategic Commissioning", "Will Blandamer", ProcurementRoute.SingleSourceWaiver, true);
        lco.SetTerm(new ContractTerm(new DateOnly(2021, 4, 1), new DateOnly(2026, 3, 31),
            [new ExtensionOptionTerm(12, true), new ExtensionOptionTerm(12, false)], 6));
        lco.RecordAward(new DateOnly(2021, 3, 1), lettingDecision: null);
        db.Contracts.Add(lco);

        // 002: Leicestershire Help to Live at Home, a lead contractor per locality lot, paid at spot hourly rates.
        var lot1 = new LeadProviderContract(p["Charnwood Home Support Ltd"].Id, Money.Pounds(3_600_000m),
            [new SubContract(p["Soar Valley Care Ltd"].Id, "Home care packages in Loughborough villages", Money.Pounds(650_000m))]);
        Describe(lot1, "SC-2016-0001", "Help to Live at Home – Lot 1 Charnwood (lead contractor)",
            "Personal care in the home under the joint Help to Live at Home programme with ELR and WL CCGs (Section 75). Lead contractor for the lot. Rates and values are illustrative.",
            ServiceCategory.DomiciliaryCare, "Adults and Communities", "Sandy McMillan", ProcurementRoute.OpenTender, true);
        lot1.SetTerm(new ContractTerm(new DateOnly(2016, 11, 7), new DateOnly(2021, 11, 6), [new ExtensionOptionTerm(24, true)], 3));
        lot1.SetRateCard([new RateCardLine("Personal care at home", RateUnit.Hour, Money.Pounds(15.94m)),
            new RateCardLine("Rehabilitation and reablement care", RateUnit.Hour, Money.Pounds(17.20m))]);
        lot1.RecordAward(new DateOnly(2016, 8, 31), lettingDecision: null);
        var lot2 = new LeadProviderContract(p["Harborough and Melton Care at Home Ltd"].Id, Money.Pounds(2_950_000m),
            [new SubContract(p["Welland Community Care CIC"].Id, "Rural rounds in the Welland valley", Money.Pounds(420_000m))]);
        Describe(lot2, "SC-2016-0002", "Help to Live at Home – Lot 2 Harborough and Melton (lead contractor)",
            "As Lot 1, for the Harborough and Melton localities. Rates and values are illustrative.",
            ServiceCategory.DomiciliaryCare, "Adults and Communities", "Sandy McMillan", ProcurementRoute.OpenTender, true);
        lot2.SetTerm(new ContractTerm(new DateOnly(2016, 11, 7), new DateOnly(2021, 11, 6), [new ExtensionOptionTerm(24, true)], 3));
        lot2.SetRateCard([new RateCardLine("Personal care at home (rural)", RateUnit.Hour, Money.Pounds(16.52m))]);
        lot2.RecordAward(new DateOnly(2016, 8, 31), lettingDecision: null);
        db.Contracts.AddRange(lot1, lot2);

        // 003: B&NES specialist mental health, a consortium for 7 + 3 years at the paper's spot rates.
        var bnes = new ConsortiumContract(
        [
            new ConsortiumMember(p["Avon Specialist Support Ltd"].Id, "Specialist independence at home", true),
            new ConsortiumMember(p["Bath Mental Health Housing Association"].Id, "Supported living", false),
            new ConsortiumMember(p["Mendip Residential Care Ltd"].Id, "Specialist residential care", false),
        ], Money.Pounds(707_361m));
        Describe(bnes, "SC-2021-0003", "Specialist mental health care and support for adults (18-64s)",
            "Consortium of providers, jointly and severally responsible; every member signs. Annual value is the paper's estimate of new packages for a full year (£707,361); £471,574 for 8 months of 2021/22.",
            ServiceCategory.SupportedLiving, "Adult Social Care", "Director of Adult Social Care", ProcurementRoute.OpenTender, true);
        bnes.SetTerm(new ContractTerm(new DateOnly(2021, 8, 1), new DateOnly(2028, 7, 31), [new ExtensionOptionTerm(36, false)], 6,
            "Break clauses and performance management for non-delivery, as recommended in section 3.4."));
        bnes.SetRateCard(
        [
            new RateCardLine("Specialist independence at home", RateUnit.Hour, Money.Pounds(20.18m)),
            new RateCardLine("Supported living", RateUnit.Week, Money.Pounds(513m)),
            new RateCardLine("Specialist residential care", RateUnit.Week, Money.Pounds(875m)),
        ]);
        bnes.RecordAward(new DateOnly(2021, 7, 15), lettingDecision: null);
        db.Contracts.Add(bnes);
        await db.SaveChangesAsync();

        // 004: Kent homecare, tendered for 1 + 1 + 1 years, then continued by negotiation to 31 May 2019.
        var kent = new SpotContract(p["Kent Homecare Partnership Ltd"].Id,
            [new RateCardLine("Homecare", RateUnit.Hour, Money.Pounds(16.13m))], Money.Pounds(33_632_993.52m));
        Describe(kent, "SC-2014-0001", "Community support services – homecare",
            "Homecare contracts tendered for one year plus two further one-year extensions, extended in one go. Annual value of the contracted service £33,632,993.52. The hourly rate is illustrative.",
            ServiceCategory.DomiciliaryCare, "Social Care, Health and Wellbeing", "Andrew Ireland", ProcurementRoute.OpenTender, true);
        kent.SetTerm(new ContractTerm(new DateOnly(2014, 10, 1), new DateOnly(2015, 9, 30),
            [new ExtensionOptionTerm(12, true), new ExtensionOptionTerm(12, true)], 3));
        kent.RecordAward(new DateOnly(2014, 9, 1), lettingDecision: null);
        db.Contracts.Add(kent);
        await db.SaveChangesAsync();

        var kentContinued = new SpotContract(p["Kent Homecare Partnership Ltd"].Id,
            [new RateCardLine("Homecare", RateUnit.Hour, Money.Pounds(16.13m))], Money.Pounds(33_632_993.52m));
        Describe(kentContinued, "SC-2017-0001", "Community support services – homecare continuation to 31 May 2019",
            "Continued on existing terms through mutual negotiation, outside a fresh competition, to align with the Phase 3 transformation programme (decision 17/00030b). Single Source Justification and legal risk recorded in the decision report.",
            ServiceCategory.DomiciliaryCare, "Social Care, Health and Wellbeing", "Andrew Ireland", ProcurementRoute.NegotiatedContinuation, true);
        kentContinued.SetTerm(new ContractTerm(new DateOnly(2017, 10, 1), new DateOnly(2019, 5, 31), [], 3,
            "Clauses to end the arrangement early where needed to support the Phase 3 design."));
        kentContinued.RecordAward(new DateOnly(2017, 6, 30), lettingDecision: null);
        kentContinued.Renews(kent);
        db.Contracts.Add(kentContinued);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Smaller fictional contracts, generated from a fixed seed so every demo looks alike. Their dates count from the day
    /// the demo database is created, so a newcomer always finds contracts ending in the next 3, 6, 12 and 18 months,
    /// notice deadlines to meet and reviews due. Their references (SC-2019-0100 to SC-2024-0120) never change, whatever
    /// their dates, so tests and the docs can name them: the year in them is not the start year.
    /// </summary>
    private async Task SeedSpreadAsync(Dictionary<string, Provider> p)
    {
        var random = new Random(2021);
        string[] providers = ["Riverside Day Opportunities", "Greenfields Residential Homes Ltd", "Irwell Supported Living Ltd",
            "Community Connect Advocacy", "Bury Council Shared Lives", "Soar Valley Care Ltd", "Welland Community Care CIC"];
        (string Title, ServiceCategory Category)[] services =
        [
            ("Day opportunities for adults with learning disabilities", ServiceCategory.DayServices),
            ("Residential care home placements – older people", ServiceCategory.ResidentialCare),
            ("Supported living – complex needs", ServiceCategory.SupportedLiving),
            ("Independent advocacy service", ServiceCategory.Other),
            ("Shared Lives carers scheme", ServiceCategory.SupportedLiving),
            ("Night sitting service", ServiceCategory.DomiciliaryCare),
            ("Carers' breaks and respite", ServiceCategory.DayServices),
        ];
        string[] directorates = ["Adult Social Care", "Community Commissioning", "Strategic Commissioning"];
        // The month each one ends, counted from this month (0100 first): 0112 and 0117 end within 3 months, 0105 and 0116
        // within 6, 0104, 0109 and 0114 within 12, 0108 and 0115 within 18; 0101 and 0102 ended this past year with nothing
        // recorded, 0118 and 0119 long ago; 0103, 0110 and 0111 run for years; 0106, 0113 and 0120 are drafts starting in a
        // few months. The other demo seeders then send 0112's extension to the board, use an option on 0100 (ending it
        // 12 to 18 months ahead), vary 0103 and serve notice on 0107 (ending it 3 to 6 months ahead).
        int[] endsInMonths = [4, -9, -2, 26, 11, 4, 50, 20, 14, 9, 30, 40, 1, 37, 10, 13, 5, 2, -16, -30, 27];
        var thisMonth = new DateOnly(clock.Today.Year, clock.Today.Month, 1);
        for (var i = 0; i < 21; i++)
        {
            var (title, category) = services[i % services.Length];
            var provider = p[providers[i % providers.Length]];
            var years = 2 + i % 4;
            var start = thisMonth.AddMonths(endsInMonths[i] + 1 - years * 12);
            Contract contract = (i % 3) switch
            {
                0 => new BlockContract(provider.Id, Money.FromPence(random.NextInt64(50_000_00, 2_500_000_00))),
                1 => new SpotContract(provider.Id,
                    [new RateCardLine(title, i % 2 == 0 ? RateUnit.Week : RateUnit.Night, Money.FromPence(random.NextInt64(80_00, 1_200_00)))],
                    i % 2 == 0 ? Money.FromPence(random.NextInt64(20_000_00, 900_000_00)) : null),
                _ => new BlockContract(provider.Id, Money.FromPence(random.NextInt64(10_000_00, 400_000_00))),
            };
            Describe(contract, $"SC-{2019 + i % 6}-{100 + i:0000}", $"{title} ({provider.Name})", "Fictional demo contract.",
                category, directorates[i % directorates.Length], DemoOptions.Users[0].Name,
                i % 4 == 0 ? ProcurementRoute.FrameworkCallOff : ProcurementRoute.OpenTender, i % 5 == 0);
            contract.SetTerm(new ContractTerm(start, DateRange.OfMonths(start, years * 12).End,
                i % 2 == 0 ? [new ExtensionOptionTerm(12, false), new ExtensionOptionTerm(12, false)] : [], 3 + i % 4));
            if (i % 7 != 6) contract.RecordAward(start.AddDays(-30), lettingDecision: null);
            db.Contracts.Add(contract);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A demo user's display name becomes that user; any other name (the papers' officers) is kept as a historic name.</summary>
    private void Describe(Contract c, string reference, string title, string description, ServiceCategory category,
        string directorate, string commissioner, ProcurementRoute route, bool keyDecision) =>
        c.Describe(new ContractDescription(reference, title, description, category, _directorates[directorate],
            _users.TryGetValue(commissioner, out var id) ? ResponsibleCommissioner.User(id) : ResponsibleCommissioner.Historic(commissioner),
            route, keyDecision, Confidentiality.Open));
}
