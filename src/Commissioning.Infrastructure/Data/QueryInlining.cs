using System.Linq.Expressions;

namespace Commissioning.Infrastructure.Data;

/// <summary>
/// Lets a query use a rule that is written once as an expression (like <see cref="Domain.Contracts.ContractStatusRule"/>):
/// inside the query write <c>rule.Invoke(arguments)</c>, then call <see cref="Expand{T}"/> on the query, which puts the
/// rule's body in place of each call, with the arguments substituted, so the database works the rule out.
/// </summary>
public static class QueryInlining
{
    public static TResult Invoke<T1, TResult>(this Expression<Func<T1, TResult>> rule, T1 arg1) => throw NotExpanded();

    public static TResult Invoke<T1, T2, TResult>(this Expression<Func<T1, T2, TResult>> rule, T1 arg1, T2 arg2) => throw NotExpanded();

    public static TResult Invoke<T1, T2, T3, TResult>(this Expression<Func<T1, T2, T3, TResult>> rule, T1 arg1, T2 arg2, T3 arg3) =>
        throw NotExpanded();

    public static TResult Invoke<T1, T2, T3, T4, T5, T6, TResult>(this Expression<Func<T1, T2, T3, T4, T5, T6, TResult>> rule,
        T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6) =>
        throw NotExpanded();

    /// <summary>The query with every <c>Invoke</c> in it replaced by the rule it names.</summary>
    public static IQueryable<T> Expand<T>(this IQueryable<T> query) =>
        query.Provider.CreateQuery<T>(new Expander().Visit(query.Expression));

    // Invoke is only a marker: run for real it would mean the rule was worked out in memory row by row, or not at all,
    // where the caller meant the database to. Failing loudly keeps a missing Expand from passing unnoticed.
    private static InvalidOperationException NotExpanded() =>
        new("Invoke marks a rule to be put into a query; call Expand() on the query that uses it.");

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(QueryInlining) || node.Method.Name != nameof(Invoke))
                return base.VisitMethodCall(node);
            var rule = RuleOf(node.Arguments[0]);
            var arguments = node.Arguments.Skip(1).Select(a => Visit(a)).ToList();
            var body = new Substitution(rule.Parameters.Zip(arguments).ToDictionary(p => p.First, p => p.Second)).Visit(rule.Body);
            return Visit(body); // the rule may itself invoke another
        }

        /// <summary>The rule is a static field or a captured value: work it out now, while the query is being built.</summary>
        private static LambdaExpression RuleOf(Expression expression) =>
            Expression.Lambda<Func<LambdaExpression>>(Expression.Convert(expression, typeof(LambdaExpression))).Compile()();
    }

    private sealed class Substitution(IReadOnlyDictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
