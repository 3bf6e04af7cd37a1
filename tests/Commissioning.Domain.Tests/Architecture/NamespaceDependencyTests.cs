using System.Reflection;
using Commissioning.Domain.Contracts;

namespace Commissioning.Domain.Tests.Architecture;

/// <summary>
/// Which way the domain's features depend on each other (decision 0001): Lifecycle builds on Contracts, never the
/// reverse; what every feature shares (Actor, Money, dates, rules) lives in Common; nothing forms a circle.
/// </summary>
public sealed class NamespaceDependencyTests
{
    private const string Domain = "Commissioning.Domain";
    private static readonly Assembly Assembly = typeof(Contract).Assembly;

    private static Type Named(string name) => Assembly.GetTypes().Single(t => t.Name == name);

    /// <summary>Each type of a namespace with the domain types of other namespaces it uses, as "Contract → ContractTermination".</summary>
    private static List<string> Uses(string from, string to) =>
        Assembly.GetTypes().Where(t => t.Namespace == $"{Domain}.{from}")
            .SelectMany(t => TypeReferences.Of(t).Where(r => r.Namespace == $"{Domain}.{to}").Select(r => $"{Outer(t).Name} → {r.Name}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>A closure or lambda class counts as the type it was written in.</summary>
    private static Type Outer(Type t) => t.DeclaringType is { } d ? Outer(d) : t;

    [Fact]
    public void The_reader_sees_rules_checked_inside_method_bodies()
    {
        // Check(new ...Rule(...)) is only in the IL: without reading bodies the tests below could never fail.
        Assert.Contains(Named("ExtensionOptionCannotBeUsedTwiceRule"), TypeReferences.Of(typeof(Contract)));
        Assert.Contains(Named("ContinuationMustMoveTheEndLaterRule"), TypeReferences.Of(Named("NegotiatedContinuation")));
    }

    [Fact]
    public void Contracts_use_no_lifecycle_type()
    {
        var uses = Uses("Contracts", "Lifecycle");

        Assert.True(uses.Count == 0, "Contracts must not depend on Lifecycle (Lifecycle builds on Contracts): " + string.Join("; ", uses));
    }

    [Fact]
    public void Actor_is_shared_from_common_and_no_other_feature_uses_finance()
    {
        Assert.Equal($"{Domain}.Common", Named("Actor").Namespace);
        var uses = new[] { "Contracts", "Lifecycle", "Governance", "Providers" }.SelectMany(from => Uses(from, "Finance")).ToList();

        Assert.True(uses.Count == 0, "Only Finance uses Finance: " + string.Join("; ", uses));
    }

    [Fact]
    public void No_two_domain_namespaces_depend_on_each_other_even_through_others()
    {
        var namespaces = Assembly.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith(Domain + ".", StringComparison.Ordinal))
            .Distinct().Select(n => n[(Domain.Length + 1)..]).ToList();
        var edges = namespaces.ToDictionary(n => n, n => namespaces.Where(m => m != n && Uses(n, m).Count > 0).ToList());

        // Depth-first: a namespace met again while still on the path closes a circle.
        var circles = new List<string>();
        var done = new HashSet<string>();
        void Visit(string n, List<string> path)
        {
            if (path.Contains(n))
            {
                circles.Add(string.Join(" → ", path.SkipWhile(p => p != n).Append(n)));
                return;
            }
            if (!done.Add(n)) return;
            foreach (var next in edges[n]) Visit(next, [.. path, n]);
        }
        foreach (var n in namespaces) Visit(n, []);

        Assert.True(circles.Count == 0, "Domain namespaces in a circle: " + string.Join("; ", circles));
    }
}
