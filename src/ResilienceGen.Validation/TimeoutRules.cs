using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>
    /// The rules of [WithTimeout] beyond its own values (RG0007, in <see cref="AttributeValueRules"/>):
    /// RG0016, a timeout needs a CancellationToken parameter to hand the body its token; RG0018, settings of the
    /// three attributes that defeat each other (docs/diagnostics/RG0018.md).
    /// </summary>
    internal static class TimeoutRules
    {
        public static void Check(ResilientDeclaration declaration, List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            if (!(declaration.Timeout is TimeoutDeclaration timeout))
            {
                return;
            }

            var method = declaration.Method;
            if (!SignatureRules.HasCancellationToken(method, declaration.Types))
            {
                // One mistake, one diagnostic: RG0016 replaces RG0011's advice about the same missing parameter.
                problems.RemoveAll(p => p.Id == DiagnosticIds.NoCancellationToken);
                problems.Add(DeclarationProblem.Error(DiagnosticIds.TimeoutWithoutCancellationToken, declaration.NameLocation, method.Name));
            }

            int attemptMs = timeout.AttemptMs.Value, totalMs = timeout.TotalMs.Value;
            if (attemptMs < 0 || totalMs < 0 || (attemptMs > 0 && totalMs > 0 && attemptMs > totalMs))
            {
                return; // RG0007 already; comparing out-of-range values would say nothing more
            }

            var fallback = declaration.NameLocation;
            if (totalMs > 0 && declaration.Retry is RetryDeclaration retry && retry.RetryAfter == null)
            {
                double minimumDelays = MinimumDelaysMs(retry);
                if (minimumDelays > totalMs)
                {
                    problems.Add(Warning(timeout.LocationOf(TimeoutDeclaration.TotalMsProperty, fallback, cancellationToken),
                        "TotalMs = " + AttributeValueRules.Text(totalMs),
                        "the " + AttributeValueRules.Text(retry.MaxRetries.Value) + " retries of [WithRetry] wait at least "
                        + AttributeValueRules.Text(Math.Round(minimumDelays)) + " ms in delays alone, so the last retries can never run",
                        "raise TotalMs or lower MaxRetries or the delays"));
                }
            }

            if (attemptMs > 0 && declaration.Breaker is BreakerDeclaration breaker)
            {
                int slowMs = breaker.SlowCallDurationMs.Value;
                if (slowMs > 0 && slowMs >= attemptMs)
                {
                    problems.Add(Warning(breaker.LocationOf(BreakerDeclaration.SlowCallDurationMsProperty, fallback, cancellationToken),
                        "SlowCallDurationMs = " + AttributeValueRules.Text(slowMs),
                        "an attempt times out after AttemptMs = " + AttributeValueRules.Text(attemptMs) + " ms, before any call can be slow",
                        "make SlowCallDurationMs smaller than AttemptMs"));
                }

                int samplingMs = breaker.SamplingDurationMs.Value;
                if (breaker.FailureRatio.Value > 0 && samplingMs < 2.0 * attemptMs)
                {
                    problems.Add(Warning(breaker.LocationOf(breaker.SamplingDurationMs.Property, fallback, cancellationToken),
                        "SamplingDurationMs = " + AttributeValueRules.Text(samplingMs),
                        "the sampling window is under twice AttemptMs = " + AttributeValueRules.Text(attemptMs) + " ms, so calls that time out leave the window before they are counted with the others",
                        "make SamplingDurationMs at least " + AttributeValueRules.Text(2 * attemptMs)));
                }
            }
        }

        /// <summary>The sum of the smallest delay each retry can wait (jitter at its lowest, capped by MaxDelayMs).</summary>
        public static double MinimumDelaysMs(RetryDeclaration retry)
        {
            double baseMs = retry.BaseDelayMs.Value, maxMs = retry.MaxDelayMs.Value, factor = retry.BackoffFactor.Value;
            double jitter = retry.Jitter.Value ? Math.Max(0, Math.Min(1, retry.JitterFactor.Value)) : 0;
            double sum = 0;
            for (int n = 1; n <= retry.MaxRetries.Value; n++)
            {
                double delay;
                switch (retry.BackoffMember)
                {
                    case "Constant": delay = baseMs * (1 - jitter); break;
                    case "Linear": delay = baseMs * n * (1 - jitter); break;
                    case "DecorrelatedJitter": delay = baseMs; break; // uniform from base up: base is its least
                    case "Exponential": delay = baseMs * Math.Pow(factor, n - 1) * (1 - jitter); break;
                    default: return 0; // an undefined kind is RG0007
                }

                sum += Math.Min(delay, maxMs);
            }

            return sum;
        }

        private static DeclarationProblem Warning(Location location, string setting, string why, string fix)
            => DeclarationProblem.NotError(DiagnosticIds.TimeoutSettingsDefeatEachOther, location, setting, why, fix);
    }
}
