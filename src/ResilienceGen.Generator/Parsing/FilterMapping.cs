using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ResilienceGen.Generator.Model;
using ResilienceGen.Validation;

namespace ResilienceGen.Generator.Parsing
{
    /// <summary>
    /// Maps a declared Handle / Ignore / ShouldHandle onto the filter model. Validity (RG0008, RG0009) is the shared
    /// rules' call, made before this runs, and ShouldHandle is the predicate the declaration resolved; should it ever have
    /// resolved to nothing the rules accepted, RG0009 makes the method a stub rather than emit a call that cannot compile.
    /// </summary>
    internal static class FilterMapping
    {
        public static ExceptionFilterModel? Filter(ExceptionFilterDeclaration filter, TypeTexts typeTexts, out string? problemId)
        {
            problemId = null;
            string? shouldHandle = null;
            bool shouldHandleIsStatic = false;
            if (filter.ShouldHandle is { } declared)
            {
                if (declared.Method is not { } predicate)
                {
                    problemId = DiagnosticIds.ShouldHandleNotFound;
                    return null;
                }

                shouldHandleIsStatic = predicate.IsStatic;
                shouldHandle = SymbolText.Identifier(predicate.Name);
            }

            return new ExceptionFilterModel(TypeNames(filter.Handle, typeTexts), TypeNames(filter.Ignore, typeTexts), shouldHandle, shouldHandleIsStatic);
        }

        private static EquatableArray<string> TypeNames(ImmutableArray<TypedConstant> elements, TypeTexts typeTexts)
        {
            var names = new List<string>();
            foreach (TypedConstant element in elements)
            {
                if (element.Kind != TypedConstantKind.Type || element.Value is not ITypeSymbol type)
                {
                    continue;
                }

                string typeName = typeTexts.Of(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
                if (!names.Contains(typeName))
                {
                    names.Add(typeName);
                }
            }

            return names.ToEquatableArray();
        }
    }
}
