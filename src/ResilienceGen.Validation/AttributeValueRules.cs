using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>
    /// RG0007: attribute values out of range. The ranges (documented in docs/diagnostics/RG0007.md):
    /// retry — MaxRetries 0..100, BaseDelayMs ≥ 0, MaxDelayMs ≥ BaseDelayMs, BackoffFactor ≥ 1 (finite),
    /// JitterFactor 0..1, Backoff a defined BackoffKind, BudgetPercent 0..1000, BudgetMinPerSecond 0..1,000,000,
    /// Budget not empty or blank;
    /// breaker — Name not empty, FailureThreshold ≥ 1, BreakDurationMs ≥ 1, HalfOpenMaxCalls ≥ 1,
    /// SuccessThreshold ≥ 1 (not tied to HalfOpenMaxCalls: probes are limited at once, not in total, so
    /// more successes than concurrent probes can still be reached one after another), FailureRatio 0..1
    /// (0 = consecutive-failure mode), MinimumThroughput ≥ 1, SamplingDurationMs ≥ 1, SlowCallDurationMs ≥ 0, MaxKeys ≥ 1;
    /// timeout — AttemptMs ≥ 0, TotalMs ≥ 0, one of them above 0, AttemptMs ≤ TotalMs when both are set.
    /// Only values the user wrote are checked: the defaults are in range.
    /// </summary>
    internal static class AttributeValueRules
    {
        public const int MaxRetriesLimit = 100;

        public static void CheckRetry(RetryDeclaration retry, KnownTypes types, Location fallback, List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            var context = new Context(retry.Attribute, fallback, problems, cancellationToken);
            context.Int(retry.MaxRetries, v => v >= 0 && v <= MaxRetriesLimit, "from 0 to " + MaxRetriesLimit);
            context.Int(retry.BaseDelayMs, v => v >= 0, "of 0 or more");

            var baseDelay = retry.BaseDelayMs.Value;
            if (retry.MaxDelayMs.IsWritten)
            {
                context.Int(retry.MaxDelayMs, v => v >= 0 && v >= baseDelay, "of at least BaseDelayMs (" + Text(baseDelay) + ")");
            }
            else if (baseDelay > retry.MaxDelayMs.Value)
            {
                var defaultMax = retry.MaxDelayMs.Value;
                context.Int(retry.BaseDelayMs, v => v <= defaultMax, "from 0 to MaxDelayMs (" + Text(defaultMax) + ", the default); or raise MaxDelayMs");
            }

            context.Double(retry.BackoffFactor, v => v >= 1 && !double.IsInfinity(v), "of at least 1 (and finite)");
            context.Double(retry.JitterFactor, v => v >= 0 && v <= 1, "from 0 to 1");
            CheckBackoffKind(context, retry, types);
            CheckBudget(context, retry);
        }

        /// <summary>Retry budgets (API.md §6.3): BudgetPercent 0..1000 (0 = none), BudgetMinPerSecond 0..1,000,000, Budget not blank.</summary>
        private static void CheckBudget(Context context, RetryDeclaration retry)
        {
            context.Double(retry.BudgetPercent, v => v >= 0 && v <= PolicyDefaults.BudgetPercentLimit, "from 0 to 1000 (0 means no budget)");
            context.Int(retry.BudgetMinPerSecond, v => v >= 0 && v <= PolicyDefaults.BudgetMinPerSecondLimit, "from 0 to 1000000");
            if (retry.NamedBudget is string named && named.Trim().Length == 0)
            {
                context.Report(RetryDeclaration.BudgetProperty, "\"" + named + "\"", "that is not empty or blank (leave it out for the default Namespace.Type.Method)");
            }
        }

        public static void CheckBreaker(BreakerDeclaration breaker, Location fallback, List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            var context = new Context(breaker.Attribute, fallback, problems, cancellationToken);
            context.Name(breaker);
            context.Int(breaker.FailureThreshold, v => v >= 1, "of 1 or more");
            context.Int(breaker.BreakDurationMs, v => v >= 1, "of 1 or more");
            context.Int(breaker.HalfOpenMaxCalls, v => v >= 1, "of 1 or more");
            context.Int(breaker.SuccessThreshold, v => v >= 1, "of 1 or more");
            context.Double(breaker.FailureRatio, v => v >= 0 && v <= 1, "from 0 to 1 (0 counts consecutive failures instead)");
            context.Int(breaker.MinimumThroughput, v => v >= 1, "of 1 or more");
            context.Int(breaker.SamplingDurationMs, v => v >= 1, "of 1 or more");
            context.Int(breaker.SlowCallDurationMs, v => v >= 0, "of 0 or more (0 does not count slow calls)");
            context.Int(breaker.MaxKeys, v => v >= 1, "of 1 or more");
        }

        /// <summary>
        /// [WithTimeout]: AttemptMs and TotalMs ≥ 0, at least one of them above 0, and AttemptMs ≤ TotalMs when both are set.
        /// Unlike the other checks these apply to the defaults too: a [WithTimeout] with neither limit does nothing.
        /// </summary>
        public static void CheckTimeout(TimeoutDeclaration timeout, Location fallback, List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            var context = new Context(timeout.Attribute, fallback, problems, cancellationToken);
            var before = problems.Count;
            context.Int(timeout.AttemptMs, v => v >= 0, "of 0 or more (0 sets no attempt limit)");
            context.Int(timeout.TotalMs, v => v >= 0, "of 0 or more (0 sets no total limit)");
            if (problems.Count != before)
            {
                return;
            }

            int attempt = timeout.AttemptMs.Value, total = timeout.TotalMs.Value;
            if (attempt == 0 && total == 0)
            {
                var property = timeout.TotalMs.IsWritten ? timeout.TotalMs : timeout.AttemptMs;
                context.Report(property.Property, Text(property.Value), "above 0 for AttemptMs or TotalMs (or both): with neither, [WithTimeout] sets no limit");
            }
            else if (attempt > 0 && total > 0 && attempt > total)
            {
                context.Report(timeout.AttemptMs.Property, Text(attempt), "from 1 to TotalMs (" + Text(total) + "): an attempt cannot outlast the whole call");
            }
        }

        private static void CheckBackoffKind(Context context, RetryDeclaration retry, KnownTypes types)
        {
            if (types.BackoffKind == null || !retry.Backoff.IsWritten || retry.BackoffMember != null)
            {
                return;
            }

            var defined = types.BackoffKind.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).ToList();
            if (defined.Count == 0)
            {
                return;
            }

            context.Report(retry.Backoff.Property, Text(retry.Backoff.Value), "that is a defined BackoffKind (" + string.Join(", ", defined.Select(f => f.Name)) + ")");
        }

        internal static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

        internal static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        /// <summary>One attribute being checked; reports land on the offending argument.</summary>
        private sealed class Context
        {
            private const string NameRange = "that is not empty or blank (leave it out for the default Namespace.Type.Method)";

            private readonly AttributeData _attribute;
            private readonly Location _fallback;
            private readonly List<DeclarationProblem> _problems;
            private readonly CancellationToken _cancellationToken;

            public Context(AttributeData attribute, Location fallback, List<DeclarationProblem> problems, CancellationToken cancellationToken)
            {
                _attribute = attribute;
                _fallback = fallback;
                _problems = problems;
                _cancellationToken = cancellationToken;
            }

            public void Int(DeclaredValue<int> value, System.Func<int, bool> inRange, string range)
            {
                if (value.IsWritten && !inRange(value.Value))
                {
                    Report(value.Property, Text(value.Value), range);
                }
            }

            public void Double(DeclaredValue<double> value, System.Func<double, bool> inRange, string range)
            {
                if (value.IsWritten && (double.IsNaN(value.Value) || !inRange(value.Value)))
                {
                    Report(value.Property, Text(value.Value), range);
                }
            }

            /// <summary>A breaker name, given to the constructor or as <c>Name =</c>, must not be empty or blank; null means the default.</summary>
            public void Name(BreakerDeclaration breaker)
            {
                if (breaker.PositionalName is string positional && positional.Trim().Length == 0)
                {
                    var location = AttributeArguments.PositionalSyntax(_attribute, 0, _cancellationToken)?.GetLocation()
                        ?? AttributeArguments.AttributeLocation(_attribute, _fallback, _cancellationToken);
                    _problems.Add(DeclarationProblem.Error(DiagnosticIds.AttributeValueOutOfRange, location, "name", Quote(positional), AttributeArguments.ShortName(_attribute), NameRange));
                }

                if (breaker.NamedName is string named && named.Trim().Length == 0)
                {
                    Report(BreakerDeclaration.NameProperty, Quote(named), NameRange);
                }
            }

            private static string Quote(string text) => "\"" + text + "\"";

            public void Report(string name, string value, string range)
            {
                var location = AttributeArguments.LocationOf(_attribute, name, _fallback, _cancellationToken);
                _problems.Add(DeclarationProblem.Error(DiagnosticIds.AttributeValueOutOfRange, location, name, value, AttributeArguments.ShortName(_attribute), range));
            }
        }
    }
}
