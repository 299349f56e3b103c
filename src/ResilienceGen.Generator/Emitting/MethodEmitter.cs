using System;
using System.Collections.Generic;
using System.Linq;
using ResilienceGen.Generator.Model;

namespace ResilienceGen.Generator.Emitting
{
    /// <summary>
    /// Writes one method's members: the static descriptor and the implementing declaration that calls the
    /// runtime (docs/design/generated-code-contract.md), or only a throwing stub for an invalid declaration.
    /// </summary>
    internal static class MethodEmitter
    {
        // Stepping into the wrapper goes on into the user's Core method instead of through the generated lines.
        private const string DebuggerStepThroughAttribute = "global::System.Diagnostics.DebuggerStepThrough";

        public static void Emit(IndentedWriter writer, MethodModel method, int overloadIndex)
        {
            if (method.StubDiagnosticId is not null)
            {
                EmitStub(writer, method, method.StubDiagnosticId);
                return;
            }

            GeneratedNames names = GeneratedNames.For(method, overloadIndex);
            EmitDescriptor(writer, method, names);
            writer.BlankLine();
            EmitSignature(writer, method, stepThrough: true);
            writer.OpenBrace();
            EmitFastPath(writer, method, names);
            EmitInvocation(writer, method, names);
            writer.CloseBrace();
        }

        /// <summary>
        /// The happy path, inline: when the runtime admits the call without any work (policy unchanged, breaker
        /// Closed, nobody listening to attempts), the body is called directly and a task that already succeeded is
        /// returned as is. Anything else falls through to the entry point with this first attempt in hand.
        /// </summary>
        private static void EmitFastPath(IndentedWriter writer, MethodModel method, GeneratedNames names)
        {
            string first = names.First;
            writer.Line(KnownNames.FirstAttempt + "<" + method.ReturnType + "> " + first + " = default;");
            // A keyed breaker (KeyBy) gets the call's key, read once here.
            string key = string.Empty;
            if (method.Breaker?.Key is { } keyed)
            {
                if (keyed.ReadsThroughCopy)
                {
                    writer.Line("var " + names.Key + " = " + keyed.Parameter + ";");
                }

                key = ", " + (keyed.ReadsThroughCopy ? names.Key : keyed.Parameter) + keyed.Access;
            }

            // A [WithTimeout] method's fast path hands the body the attempt's token instead of the caller's.
            string timeout = method.Timeout is null
                ? string.Empty
                : ", " + method.CancellationTokenParameter + ", out " + KnownNames.CancellationToken + " " + names.Token;
            writer.Line("if (" + first + ".TryAdmit(" + names.DescriptorField + key + timeout + "))");
            writer.OpenBrace();
            writer.Line("try");
            writer.OpenBrace();
            writer.Line(first + ".Started = " + DirectCoreCall(method, names) + ";");
            writer.CloseBrace();
            writer.Line("catch (" + KnownNames.Exception + " " + names.Exception + ")");
            writer.OpenBrace();
            writer.Line(first + ".Failure = " + names.Exception + ";");
            writer.CloseBrace();
            writer.BlankLine();
            writer.Line("if (" + KnownNames.FirstAttempt + ".Succeeded(ref " + first + "))");
            writer.OpenBrace();
            writer.Line("return " + first + ".Started;");
            writer.CloseBrace();
            writer.CloseBrace();
            writer.BlankLine();
        }

        private static void EmitStub(IndentedWriter writer, MethodModel method, string diagnosticId)
        {
            EmitSignature(writer, method, stepThrough: false);
            writer.OpenBrace();
            writer.Line("throw new " + KnownNames.InvalidOperationException + "("
                + Literals.String("ResilienceGen: " + diagnosticId + ": fix the declaration; see the build error.") + ");");
            writer.CloseBrace();
        }

        private static void EmitDescriptor(IndentedWriter writer, MethodModel method, GeneratedNames names)
        {
            writer.Line(PolicyComment.For(method.Retry, method.Breaker, method.Hooks, method.Timeout));
            writer.Line(GeneratedCodeAttribute());
            writer.Line("private static readonly " + KnownNames.ResilientMethod + " " + names.DescriptorField + " =");
            writer.Indent();
            writer.Line("new " + KnownNames.ResilientMethod + "(");
            writer.Indent();
            writer.Line("methodName: " + Literals.String(method.DisplayName) + ",");

            // Handle types named for the runtime's argument-error rule (docs/API.md): only an argument exception a
            // Handle names is ever retried or counted. The filter lambdas test the same types on each failure.
            string? retryHandle = HandleTypes(method.Retry?.Filter);
            string? breakerHandle = HandleTypes(method.Breaker?.Filter);
            var trailing = new List<string>();
            if (retryHandle is not null)
            {
                trailing.Add("retryHandle: " + retryHandle);
            }

            if (breakerHandle is not null)
            {
                trailing.Add("breakerHandle: " + breakerHandle);
            }

            if (method.Breaker?.Key is { } key)
            {
                trailing.Add("maxKeys: " + Literals.Int(key.MaxKeys));
            }

            if (method.Retry is { } retry)
            {
                EmitObject(writer, "retry: new " + KnownNames.RetryOptions, new[]
                {
                    ("MaxRetries", Literals.Int(retry.MaxRetries)),
                    ("BaseDelayMs", Literals.Int(retry.BaseDelayMs)),
                    ("MaxDelayMs", Literals.Int(retry.MaxDelayMs)),
                    ("Backoff", BackoffValue(retry.Backoff)),
                    ("BackoffFactor", Literals.Double(retry.BackoffFactor)),
                    ("Jitter", Literals.Bool(retry.Jitter)),
                    ("JitterFactor", Literals.Double(retry.JitterFactor)),
                }, ",");
            }
            else
            {
                writer.Line("retry: null,");
            }

            // The arguments after breaker:, each written only when the method uses it, so every other method's code
            // stays as it was; the last one closes the call.
            var optional = new List<Action<string>>();
            foreach (string line in trailing)
            {
                optional.Add(end => writer.Line(line + end));
            }

            if (method.Timeout is { } timeout)
            {
                optional.Add(end => EmitObject(writer, "timeout: new " + KnownNames.TimeoutOptions, new[]
                {
                    ("AttemptMs", Literals.Int(timeout.AttemptMs)),
                    ("TotalMs", Literals.Int(timeout.TotalMs)),
                }, end));
            }

            if (method.Retry?.Budget is { } budget)
            {
                optional.Add(end => EmitObject(writer, "budget: new " + KnownNames.RetryBudgetOptions, new[]
                {
                    ("Name", Literals.String(budget.Name)),
                    ("Percent", Literals.Double(budget.Percent)),
                    ("MinPerSecond", Literals.Int(budget.MinPerSecond)),
                }, end));
            }

            string breakerEnd = optional.Count == 0 ? ");" : ",";
            if (method.Breaker is { } breaker)
            {
                EmitObject(writer, "breaker: new " + KnownNames.CircuitBreakerOptions, BreakerProperties(breaker), breakerEnd);
            }
            else
            {
                writer.Line("breaker: null" + breakerEnd);
            }

            for (int i = 0; i < optional.Count; i++)
            {
                optional[i](i == optional.Count - 1 ? ");" : ",");
            }

            writer.Unindent();
            writer.Unindent();
        }

        /// <summary>The breaker's settings; SlowCallDurationMs only when set, so methods without it read as before.</summary>
        private static (string Name, string Value)[] BreakerProperties(BreakerModel breaker)
        {
            var properties = new List<(string Name, string Value)>
            {
                    ("Name", Literals.String(breaker.Name)),
                    ("FailureThreshold", Literals.Int(breaker.FailureThreshold)),
                    ("BreakDurationMs", Literals.Int(breaker.BreakDurationMs)),
                    ("HalfOpenMaxCalls", Literals.Int(breaker.HalfOpenMaxCalls)),
                    ("SuccessThreshold", Literals.Int(breaker.SuccessThreshold)),
                    ("FailureRatio", Literals.Double(breaker.FailureRatio)),
                    ("MinimumThroughput", Literals.Int(breaker.MinimumThroughput)),
                    ("SamplingDurationMs", Literals.Int(breaker.SamplingDurationMs)),
            };
            if (breaker.SlowCallDurationMs != 0)
            {
                properties.Add(("SlowCallDurationMs", Literals.Int(breaker.SlowCallDurationMs)));
            }

            return properties.ToArray();
        }

        /// <summary><c>new[] { typeof(A), typeof(B) }</c> for a filter's Handle types; null when there are none.</summary>
        private static string? HandleTypes(ExceptionFilterModel? filter)
        {
            if (filter is null || filter.Handle.Count == 0)
            {
                return null;
            }

            return "new[] { " + string.Join(", ", filter.Handle.Select(t => "typeof(" + t + ")")) + " }";
        }

        // Twice per method, the same text each time: built once.
        private static readonly string s_generatedCodeAttribute
            = "[" + KnownNames.GeneratedCodeAttribute + "(\"ResilienceGen\", " + Literals.String(GeneratorVersion.Value) + ")]";

        private static string GeneratedCodeAttribute() => s_generatedCodeAttribute;

        private static void EmitObject(IndentedWriter writer, string creation, (string Name, string Value)[] properties, string terminator)
        {
            writer.Line(creation);
            writer.OpenBrace();
            foreach ((string name, string value) in properties)
            {
                writer.Line(name + " = " + value + ",");
            }

            writer.CloseBrace(terminator);
        }

        private static string BackoffValue(string backoff)
            => backoff.StartsWith("(", System.StringComparison.Ordinal)
                ? "(" + KnownNames.BackoffKind + ")" + backoff
                : KnownNames.BackoffKind + "." + backoff;

        private static void EmitSignature(IndentedWriter writer, MethodModel method, bool stepThrough)
        {
            string typeParameters = method.TypeParameters.Count == 0 ? string.Empty : "<" + string.Join(", ", method.TypeParameters) + ">";
            string parameters = string.Join(", ", method.Parameters.Select(p => p.Modifiers + p.Type + " " + p.Name));

            writer.Line(GeneratedCodeAttribute());
            if (stepThrough)
            {
                writer.Line("[" + DebuggerStepThroughAttribute + "]");
            }

            writer.Line(method.Modifiers + " " + method.ReturnType + " " + method.Name + typeParameters + "(" + parameters + ")");
            writer.Indent();
            foreach (string clause in method.ConstraintClauses)
            {
                writer.Line(clause);
            }

            writer.Unindent();
        }

        private static void EmitInvocation(IndentedWriter writer, MethodModel method, GeneratedNames names)
        {
            var state = new StateShape(method, names);
            string entryPoint = method.ReturnKind switch
            {
                ReturnKind.Task => "RunTask",
                ReturnKind.TaskOfT => "RunTaskOf",
                ReturnKind.ValueTask => "RunValueTask",
                _ => "RunValueTaskOf",
            };

            writer.Line("return " + KnownNames.ResilientInvoker + "." + entryPoint + "(");
            writer.Indent();
            writer.Line("method: " + names.DescriptorField + ",");
            writer.Line("logger: " + (method.LoggerExpression ?? "null") + ",");
            writer.Line("state: " + state.Expression + ",");
            writer.Line(method.Timeout is null
                ? "body: static " + names.State + " => " + CoreCall(method, state, names) + ","
                : "body: static (" + names.State + ", " + names.Token + ") => " + CoreCall(method, state, names) + ",");
            writer.Line("retryFilter: " + FilterLambda(method.Retry?.Filter, method, state, names) + ",");
            writer.Line("breakerFilter: " + FilterLambda(method.Breaker?.Filter, method, state, names) + ",");

            // The hooks are optional trailing parameters: passed only when the method has them.
            var trailing = new List<string> { "cancellationToken: " + (method.CancellationTokenParameter ?? "default") };
            trailing.AddRange(HookArguments(method, state, names));
            trailing.Add("first: " + names.First);
            for (int i = 0; i < trailing.Count; i++)
            {
                writer.Line(trailing[i] + (i == trailing.Count - 1 ? ");" : ","));
            }

            writer.Unindent();
        }

        private static IEnumerable<string> HookArguments(MethodModel method, StateShape state, GeneratedNames names)
        {
            string s = names.State;
            string e = names.Exception;
            if (method.Hooks.OnRetry is { } onRetry)
            {
                yield return "onRetry: static (" + s + ", " + names.Attempt + ", " + names.Delay + ", " + e + ") => "
                    + HookCall(onRetry, method, state, new[] { names.Attempt, names.Delay, e });
            }

            if (method.Hooks.RetryAfter is { } retryAfter)
            {
                yield return "retryAfter: static (" + s + ", " + e + ") => " + HookCall(retryAfter, method, state, new[] { e });
            }

            if (method.Hooks.Fallback is { } fallback)
            {
                var arguments = new List<string>();
                for (int i = 0; i < method.Parameters.Count; i++)
                {
                    arguments.Add(state.Parameter(i));
                }

                arguments.Add(e);
                yield return "fallback: static (" + s + ", " + e + ") => " + HookCall(fallback, method, state, arguments);
            }
        }

        private static string HookCall(HookModel hook, MethodModel method, StateShape state, IEnumerable<string> arguments)
        {
            string target = hook.IsStatic ? method.Type.QualifiedName : state.Instance;
            string typeArguments = hook.IsGeneric ? "<" + string.Join(", ", method.TypeParameters) + ">" : string.Empty;
            return target + "." + hook.Name + typeArguments + "(" + string.Join(", ", arguments) + ")";
        }

        /// <summary>The body called with the wrapper's own parameters, as the fast path does.</summary>
        private static string DirectCoreCall(MethodModel method, GeneratedNames names)
        {
            string typeArguments = method.TypeParameters.Count == 0 ? string.Empty : "<" + string.Join(", ", method.TypeParameters) + ">";
            string target = method.IsStatic ? method.Type.QualifiedName : "this";
            return target + "." + method.CoreName + typeArguments + "(" + string.Join(", ", method.Parameters.Select(p => IsTimedToken(method, p) ? names.Token : p.Name)) + ")";
        }

        private static string CoreCall(MethodModel method, StateShape state, GeneratedNames names)
        {
            string typeArguments = method.TypeParameters.Count == 0 ? string.Empty : "<" + string.Join(", ", method.TypeParameters) + ">";
            string target = method.IsStatic ? method.Type.QualifiedName : state.Instance;
            var arguments = new List<string>();
            for (int i = 0; i < method.Parameters.Count; i++)
            {
                arguments.Add(IsTimedToken(method, method.Parameters[i]) ? names.Token : state.Parameter(i));
            }

            return target + "." + method.CoreName + typeArguments + "(" + string.Join(", ", arguments) + ")";
        }

        /// <summary>
        /// The CancellationToken parameter of a [WithTimeout] method: the body gets the attempt's token in its place
        /// (the caller's token linked to the timeout); the hooks still get the caller's.
        /// </summary>
        private static bool IsTimedToken(MethodModel method, ParameterModel parameter)
            => method.Timeout is not null && parameter.Name == method.CancellationTokenParameter;

        /// <summary>Handle, Ignore and ShouldHandle baked into one static lambda; null when every exception counts.</summary>
        private static string FilterLambda(ExceptionFilterModel? filter, MethodModel method, StateShape state, GeneratedNames names)
        {
            if (filter is null || filter.CountsEverything)
            {
                return "null";
            }

            string e = names.Exception;
            var conditions = new List<string>();
            if (filter.Handle.Count == 1)
            {
                conditions.Add(e + " is " + filter.Handle[0]);
            }
            else if (filter.Handle.Count > 1)
            {
                conditions.Add("(" + string.Join(" || ", filter.Handle.Select(t => e + " is " + t)) + ")");
            }

            if (filter.Ignore.Count > 0)
            {
                conditions.Add("!(" + string.Join(" || ", filter.Ignore.Select(t => e + " is " + t)) + ")");
            }

            if (filter.ShouldHandleMethod is { } predicate)
            {
                string target = filter.ShouldHandleIsStatic ? method.Type.QualifiedName : state.Instance;
                conditions.Add(target + "." + predicate + "(" + e + ")");
            }

            return "static (" + names.State + ", " + e + ") => " + string.Join(" && ", conditions);
        }
    }
}
