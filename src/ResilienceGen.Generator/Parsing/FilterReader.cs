using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using ResilienceGen.Generator.Model;

namespace ResilienceGen.Generator.Parsing
{
    /// <summary>
    /// Turns Handle / Ignore / ShouldHandle into a filter model. Whether they are valid (RG0008, RG0009) is the shared
    /// validator's call, made before this runs; here the types are only written out, and ShouldHandle is looked up to
    /// shape the call (static or instance). Should that lookup ever find nothing the validator accepted, RG0009 makes
    /// the method a stub rather than emit a call that cannot compile.
    /// </summary>
    internal static class FilterReader
    {
        public static ExceptionFilterModel? Read(
            AttributeValues values,
            IMethodSymbol method,
            Compilation compilation,
            out string? problemId)
        {
            problemId = null;
            string? shouldHandle = values.String("ShouldHandle");
            bool shouldHandleIsStatic = false;
            if (shouldHandle is not null)
            {
                IMethodSymbol? predicate = FindPredicate(shouldHandle, method, compilation);
                if (predicate is null)
                {
                    problemId = "RG0009";
                    return null;
                }

                shouldHandleIsStatic = predicate.IsStatic;
                shouldHandle = SymbolText.Identifier(predicate.Name);
            }

            TypeTexts typeTexts = TypeTexts.For(compilation);
            return new ExceptionFilterModel(TypeNames(values, "Handle", typeTexts), TypeNames(values, "Ignore", typeTexts), shouldHandle, shouldHandleIsStatic);
        }

        private static EquatableArray<string> TypeNames(AttributeValues values, string name, TypeTexts typeTexts)
        {
            var names = new List<string>();
            foreach (ITypeSymbol type in values.Types(name, out _))
            {
                string typeName = typeTexts.Of(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
                if (!names.Contains(typeName))
                {
                    names.Add(typeName);
                }
            }

            return names.ToEquatableArray();
        }

        // By name rather than GetTypeByMetadataName: no per-compilation lookup in the transform.
        private static bool IsSystemException(ITypeSymbol type)
            => type is INamedTypeSymbol { Name: "Exception", Arity: 0, ContainingType: null } named
                && named.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

        /// <summary>A non-generic <c>bool M(Exception)</c> of the type or its bases that the generated lambda can call.</summary>
        private static IMethodSymbol? FindPredicate(string name, IMethodSymbol method, Compilation compilation)
        {
            INamedTypeSymbol containingType = method.ContainingType;
            for (INamedTypeSymbol? type = containingType; type is not null; type = type.BaseType)
            {
                foreach (ISymbol member in type.GetMembers(name))
                {
                    if (member is IMethodSymbol candidate
                        && candidate.MethodKind == MethodKind.Ordinary
                        && candidate.CanBeReferencedByName
                        && candidate.TypeParameters.Length == 0
                        && candidate.ReturnType.SpecialType == SpecialType.System_Boolean
                        && !candidate.ReturnsByRef
                        && candidate.Parameters.Length == 1
                        && candidate.Parameters[0].RefKind == RefKind.None
                        && IsSystemException(candidate.Parameters[0].Type)
                        && (candidate.IsStatic || !method.IsStatic)
                        && (candidate.IsStatic || containingType.TypeKind != TypeKind.Struct)
                        && compilation.IsSymbolAccessibleWithin(candidate, containingType, containingType))
                    {
                        return candidate;
                    }
                }
            }

            return null;
        }
    }
}
