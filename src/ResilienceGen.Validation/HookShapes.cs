using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>
    /// What each hook's method must look like; each check returns null when the candidate fits, otherwise what differs
    /// (the text goes into the diagnostic). Static-ness is decided by <see cref="HookLookup"/>.
    /// </summary>
    internal static class HookShapes
    {
        public const string OnRetryShape = "void {0}(int attempt, TimeSpan delay, Exception exception)";
        public const string RetryAfterShape = "TimeSpan? {0}(Exception exception)";

        public static string? OnRetryDifference(IMethodSymbol candidate, KnownTypes types)
        {
            var common = CommonDifference(candidate, parameterCount: 3);
            if (common != null)
            {
                return common;
            }

            if (!candidate.ReturnsVoid)
            {
                return "it returns '" + TypeFacts.Display(candidate.ReturnType) + "', not void";
            }

            return ParameterDifference(candidate, 0, candidate.Parameters[0].Type.SpecialType == SpecialType.System_Int32, "int")
                ?? ParameterDifference(candidate, 1, Is(candidate.Parameters[1].Type, types.TimeSpan), "TimeSpan")
                ?? ParameterDifference(candidate, 2, Is(candidate.Parameters[2].Type, types.Exception), "Exception");
        }

        public static string? RetryAfterDifference(IMethodSymbol candidate, KnownTypes types)
        {
            var common = CommonDifference(candidate, parameterCount: 1);
            if (common != null)
            {
                return common;
            }

            var returnsNullableTimeSpan = candidate.ReturnType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                && Is(nullable.TypeArguments[0], types.TimeSpan);
            if (!returnsNullableTimeSpan || candidate.ReturnsByRef || candidate.ReturnsByRefReadonly)
            {
                return "it returns '" + TypeFacts.Display(candidate.ReturnType) + "', not 'TimeSpan?'";
            }

            return ParameterDifference(candidate, 0, Is(candidate.Parameters[0].Type, types.Exception), "Exception");
        }

        /// <summary>
        /// The wrapper's parameters (types, order, ref kinds) plus a trailing Exception, and the wrapper's return type.
        /// A generic fallback has the wrapper's number of type parameters, with the same constraints, and is compared
        /// (and called) with the wrapper's type parameters; a non-generic one is compared as it is.
        /// Nullability counts where the generated call would warn, as for the Core method.
        /// </summary>
        public static string? FallbackDifference(IMethodSymbol wrapper, IMethodSymbol candidate, KnownTypes types)
        {
            if (candidate.IsVararg)
            {
                return "it takes __arglist";
            }

            if (candidate.Arity != 0 && candidate.Arity != wrapper.Arity)
            {
                return "it has " + Count(candidate.Arity, "type parameter") + " but '" + wrapper.Name + "' has " + wrapper.Arity;
            }

            var needed = wrapper.Parameters.Length + 1;
            if (candidate.Parameters.Length != needed)
            {
                return "it has " + Count(candidate.Parameters.Length, "parameter") + " but needs " + needed + ": those of '" + wrapper.Name + "' plus a trailing Exception";
            }

            var constructed = candidate.Arity == 0 ? candidate : candidate.Construct(wrapper.TypeParameters.Cast<ITypeSymbol>().ToArray());
            for (var i = 0; i < wrapper.Parameters.Length; i++)
            {
                var expected = wrapper.Parameters[i];
                var actual = constructed.Parameters[i];
                var where = "parameter " + (i + 1) + " '" + actual.Name + "'";
                if (expected.RefKind != actual.RefKind)
                {
                    return where + " is passed by " + TypeFacts.RefKindText(actual.RefKind) + " but the wrapper's '" + expected.Name + "' is passed by " + TypeFacts.RefKindText(expected.RefKind);
                }

                if (!SymbolEqualityComparer.Default.Equals(expected.Type, actual.Type) || TypeFacts.NullabilityWarns(expected.Type, actual.Type))
                {
                    return where + " is '" + TypeFacts.Display(actual.Type) + "' but the wrapper's '" + expected.Name + "' is '" + TypeFacts.Display(expected.Type) + "'";
                }
            }

            var last = constructed.Parameters[needed - 1];
            if (last.RefKind != RefKind.None || !Is(last.Type, types.Exception))
            {
                return "its last parameter '" + last.Name + "' is " + Described(last) + ", not Exception";
            }

            if (!SymbolEqualityComparer.Default.Equals(constructed.ReturnType, wrapper.ReturnType) || candidate.RefKind != RefKind.None
                || TypeFacts.NullabilityWarns(constructed.ReturnType, wrapper.ReturnType))
            {
                return "it returns '" + TypeFacts.Display(constructed.ReturnType) + "' but '" + wrapper.Name + "' returns '" + TypeFacts.Display(wrapper.ReturnType) + "'";
            }

            for (var i = 0; i < candidate.Arity; i++)
            {
                if (!CoreMethodRules.SameConstraints(wrapper.TypeParameters[i], candidate.TypeParameters[i]))
                {
                    return "its type parameter '" + candidate.TypeParameters[i].Name + "' has other constraints than the wrapper's '" + wrapper.TypeParameters[i].Name + "'";
                }
            }

            return null;
        }

        /// <summary>What the user should declare, e.g. <c>Task&lt;int&gt; GetFallbackAsync(string sku, CancellationToken cancellationToken, Exception exception)</c>.</summary>
        public static string FallbackSignature(IMethodSymbol wrapper, string name)
        {
            var text = new StringBuilder();
            if (wrapper.IsStatic)
            {
                text.Append("static ");
            }

            text.Append(TypeFacts.Display(wrapper.ReturnType)).Append(' ').Append(name);
            if (wrapper.Arity > 0)
            {
                text.Append('<').Append(string.Join(", ", wrapper.TypeParameters.Select(t => t.Name))).Append('>');
            }

            text.Append('(');
            foreach (var parameter in wrapper.Parameters)
            {
                if (parameter.RefKind != RefKind.None)
                {
                    text.Append(TypeFacts.RefKindText(parameter.RefKind)).Append(' ');
                }

                text.Append(TypeFacts.Display(parameter.Type)).Append(' ').Append(parameter.Name).Append(", ");
            }

            return text.Append("Exception exception)").ToString();
        }

        private static string? CommonDifference(IMethodSymbol candidate, int parameterCount)
        {
            if (candidate.Arity != 0)
            {
                return "it is generic";
            }

            if (candidate.IsVararg)
            {
                return "it takes __arglist";
            }

            return candidate.Parameters.Length != parameterCount
                ? "it has " + Count(candidate.Parameters.Length, "parameter") + ", not " + parameterCount
                : null;
        }

        private static string? ParameterDifference(IMethodSymbol candidate, int index, bool typeFits, string expected)
        {
            var parameter = candidate.Parameters[index];
            return typeFits && parameter.RefKind == RefKind.None
                ? null
                : "parameter " + (index + 1) + " '" + parameter.Name + "' is " + Described(parameter) + ", not " + expected;
        }

        private static string Described(IParameterSymbol parameter)
            => parameter.RefKind == RefKind.None
                ? "'" + TypeFacts.Display(parameter.Type) + "'"
                : "'" + TypeFacts.Display(parameter.Type) + "' passed by " + TypeFacts.RefKindText(parameter.RefKind);

        private static bool Is(ITypeSymbol type, INamedTypeSymbol? expected)
            => expected != null && SymbolEqualityComparer.Default.Equals(type, expected);

        private static string Count(int n, string noun) => n + " " + noun + (n == 1 ? string.Empty : "s");
    }
}
