namespace Commissioning.Domain.Contracts;

public enum CommissioningForm { Block, Spot, LeadProvider, Consortium }

public enum ServiceCategory { DomiciliaryCare, SupportedLiving, ResidentialCare, DayServices, CommunityHealth, Other }

public enum ProcurementRoute { OpenTender, TeckalDirectAward, SingleSourceWaiver, FrameworkCallOff, NegotiatedContinuation }

public enum Confidentiality { Open, CommerciallySensitive, Exempt }

public enum ContractStatus { Draft, Active, Expired, Terminated, Superseded }

public enum RateUnit { Hour, Week, Night, Placement }
