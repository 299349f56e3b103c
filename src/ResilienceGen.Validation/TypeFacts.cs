using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>Type questions several rules ask.</summary>
    internal static class TypeFacts
    {
        public static readonly SymbolDisplayFormat Short = SymbolDisplayFormat.MinimallyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        public static string Display(ITypeSymbol type) => type.ToDisplayString(Short);

        /// <summary>True when the type mentions a type the compiler could not resolve (the compiler reports that itself).</summary>
        public static bool ContainsErrorType(ITypeSymbol? type)
        {
            switch (type)
            {
                case null:
                    return false;
                case IErrorTypeSymbol _:
                    return true;
                case IArrayTypeSymbol array:
                    return ContainsErrorType(array.ElementType);
                case IPointerTypeSymbol pointer:
                    return ContainsErrorType(pointer.PointedAtType);
                case INamedTypeSymbol named:
                    foreach (var argument in named.TypeArguments)
                    {
                        if (ContainsErrorType(argument))
                        {
                            return true;
                        }
                    }

                    return named.ContainingType != null && ContainsErrorType(named.ContainingType);
                default:
                    return false;
            }
        }

        /// <summary>
        /// True when a value of type <paramref name="from"/> passed where <paramref name="to"/> is expected gives a
        /// nullability warning: a nullable reference into a non-nullable one at the top level, or any annotated /
        /// not-annotated disagreement inside type arguments and arrays (they are invariant). Oblivious never differs.
        /// </summary>
        public static bool NullabilityWarns(ITypeSymbol from, ITypeSymbol to, bool topLevel = true)
        {
            var a = from.NullableAnnotation;
            var b = to.NullableAnnotation;
            if (a != NullableAnnotation.None && b != NullableAnnotation.None && !from.IsValueType && !to.IsValueType)
            {
                var warns = topLevel
                    ? a == NullableAnnotation.Annotated && b == NullableAnnotation.NotAnnotated
                    : a != b;
                if (warns)
                {
                    return true;
                }
            }

            switch (from)
            {
                case IArrayTypeSymbol fromArray when to is IArrayTypeSymbol toArray:
                    return NullabilityWarns(fromArray.ElementType, toArray.ElementType, topLevel: false);
                case INamedTypeSymbol fromNamed when to is INamedTypeSymbol toNamed && fromNamed.TypeArguments.Length == toNamed.TypeArguments.Length:
                    for (var i = 0; i < fromNamed.TypeArguments.Length; i++)
                    {
                        if (NullabilityWarns(fromNamed.TypeArguments[i], toNamed.TypeArguments[i], topLevel: false))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>
        /// True for a C# 14 <c>extension(...)</c> block. The Roslyn these components build against predates
        /// TypeKind.Extension, so the kind is recognised by name; a newer compiler running them reports it.
        /// </summary>
        public static bool IsExtensionBlock(INamedTypeSymbol? type)
            => type != null && type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Struct && type.TypeKind != TypeKind.Interface
               && type.TypeKind.ToString() == "Extension";

        public static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var current = type as INamedTypeSymbol; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool IsOneOf(ITypeSymbol type, params INamedTypeSymbol?[] candidates)
        {
            foreach (var candidate in candidates)
            {
                if (candidate != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, candidate))
                {
                    return true;
                }
            }

            return false;
        }

        public static string RefKindText(RefKind refKind)
        {
            switch (refKind)
            {
                case RefKind.Ref: return "ref";
                case RefKind.Out: return "out";
                case RefKind.In: return "in";
                case RefKind.None: return "value";
                default: return "ref readonly";
            }
        }

        public static string AccessibilityText(Accessibility accessibility)
        {
            switch (accessibility)
            {
                case Accessibility.Public: return "public";
                case Accessibility.Internal: return "internal";
                case Accessibility.Protected: return "protected";
                case Accessibility.ProtectedOrInternal: return "protected internal";
                case Accessibility.ProtectedAndInternal: return "private protected";
                case Accessibility.Private: return "private";
                default: return "not private";
            }
        }
    }
}
