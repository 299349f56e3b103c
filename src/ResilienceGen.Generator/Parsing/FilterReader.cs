using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using ResilienceGen.Generator.Model;

namespace ResilienceGen.Generator.Parsing
{
    /// <summary>
    /// Turns Handle / Ignore / ShouldHandle into a filter model, or says which diagnostic id would make the
    /// filter uncompilable (RG0008 for a type that is not an accessible, closed exception type; RG0009 for a
    /// ShouldHandle that names no usable <c>bool M(Exception)</c>).
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
            INamedTypeSymbol containingType = method.ContainingType;

            List<string>? handle = ReadExceptionTypes(values, "Handle", containingType, compilation);
            List<string>? ignore = ReadExceptionTypes(values, "Ignore", containingType, compilation);
            if (handle is null || ignore is null)
            {
                problemId = "RG0008";
                return null;
            }

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

            return new ExceptionFilterModel(handle.ToEquatableArray(), ignore.ToEquatableArray(), shouldHandle, shouldHandleIsStatic);
        }

        private static List<string>? ReadExceptionTypes(
            AttributeValues values,
            string name,
            INamedTypeSymbol containingType,
            Compilation compilation)
        {
            List<ITypeSymbol> types = values.Types(name, out bool broken);
            if (broken)
            {
                return null;
            }

            var names = new List<string>();
            foreach (ITypeSymbol type in types)
            {
                if (type is not INamedTypeSymbol named
                    || named.IsUnboundGenericType
                    || type.TypeKind == TypeKind.Error
                    || !DerivesFromException(named)
                    || !compilation.IsSymbolAccessibleWithin(named, containingType))
                {
                    return null;
                }

                string typeName = SymbolText.Type(named.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
                if (!names.Contains(typeName))
                {
                    names.Add(typeName);
                }
            }

            return names;
        }

        private static bool DerivesFromException(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                if (IsSystemException(current))
                {
                    return true;
                }
            }

            return false;
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
