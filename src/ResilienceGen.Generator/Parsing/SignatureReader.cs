using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ResilienceGen.Generator.Model;

namespace ResilienceGen.Generator.Parsing
{
    /// <summary>Reads what the implementing declaration must repeat of the partial definition's signature.</summary>
    internal static class SignatureReader
    {
        public static ReturnKind ReadReturnKind(IMethodSymbol method)
        {
            if (method.ReturnsByRef || method.ReturnsByRefReadonly
                || method.ReturnType is not INamedTypeSymbol type
                || !NamespaceNames.Is(type.ContainingNamespace, NamespaceNames.SystemThreadingTasks))
            {
                return ReturnKind.Unsupported;
            }

            switch (type.MetadataName)
            {
                case "Task": return ReturnKind.Task;
                case "Task`1": return ReturnKind.TaskOfT;
                case "ValueTask": return ReturnKind.ValueTask;
                case "ValueTask`1": return ReturnKind.ValueTaskOfT;
                default: return ReturnKind.Unsupported;
            }
        }

        public static string ReadReturnType(IMethodSymbol method)
        {
            string prefix = method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : string.Empty;
            return prefix + SymbolText.Type(method.ReturnType);
        }

        public static EquatableArray<ParameterModel> ReadParameters(IMethodSymbol method, TypeTexts typeTexts)
        {
            ImmutableArray<IParameterSymbol> parameters = method.Parameters;
            var models = new ParameterModel[parameters.Length];
            for (int i = 0; i < models.Length; i++)
            {
                models[i] = ToModel(parameters[i], typeTexts);
            }

            return new EquatableArray<ParameterModel>(models);
        }

        public static EquatableArray<string> ReadTypeParameters(IMethodSymbol method)
            => method.TypeParameters.Select(t => SymbolText.Identifier(t.Name)).ToEquatableArray();

        /// <summary>
        /// The where clauses the implementation must carry. Overrides may only restate class/struct/default,
        /// and those are keywords, so their clauses are copied from the declaration as written; everything
        /// else is rebuilt from the symbol, fully qualified.
        /// </summary>
        public static EquatableArray<string> ReadConstraintClauses(IMethodSymbol method, MethodDeclarationSyntax syntax)
        {
            if (method.IsOverride || method.ExplicitInterfaceImplementations.Length > 0)
            {
                return syntax.ConstraintClauses.Select(c => c.WithoutTrivia().ToString()).ToEquatableArray();
            }

            var clauses = new List<string>();
            foreach (ITypeParameterSymbol typeParameter in method.TypeParameters)
            {
                List<string> constraints = ReadConstraints(typeParameter);
                if (constraints.Count > 0)
                {
                    clauses.Add("where " + SymbolText.Identifier(typeParameter.Name) + " : " + string.Join(", ", constraints));
                }
            }

            return clauses.ToEquatableArray();
        }

        private static List<string> ReadConstraints(ITypeParameterSymbol typeParameter)
        {
            var constraints = new List<string>();
            if (typeParameter.HasReferenceTypeConstraint)
            {
                constraints.Add(typeParameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
            }
            else if (typeParameter.HasUnmanagedTypeConstraint)
            {
                constraints.Add("unmanaged");
            }
            else if (typeParameter.HasValueTypeConstraint)
            {
                constraints.Add("struct");
            }
            else if (typeParameter.HasNotNullConstraint)
            {
                constraints.Add("notnull");
            }

            for (int i = 0; i < typeParameter.ConstraintTypes.Length; i++)
            {
                ITypeSymbol constraintType = typeParameter.ConstraintTypes[i];
                NullableAnnotation annotation = i < typeParameter.ConstraintNullableAnnotations.Length
                    ? typeParameter.ConstraintNullableAnnotations[i]
                    : constraintType.NullableAnnotation;
                constraints.Add(SymbolText.Type(constraintType.WithNullableAnnotation(annotation)));
            }

            if (typeParameter.HasConstructorConstraint && !typeParameter.HasValueTypeConstraint)
            {
                constraints.Add("new()");
            }

            return constraints;
        }

        private static ParameterModel ToModel(IParameterSymbol parameter, TypeTexts typeTexts)
        {
            var modifiers = new List<string>();
            if (parameter.Ordinal == 0 && parameter.ContainingSymbol is IMethodSymbol { IsExtensionMethod: true })
            {
                modifiers.Add("this");
            }

            if (parameter.IsParams)
            {
                modifiers.Add("params");
            }

            switch (parameter.RefKind)
            {
                case RefKind.Ref: modifiers.Add("ref"); break;
                case RefKind.Out: modifiers.Add("out"); break;
                case RefKind.In: modifiers.Add("in"); break;
                case RefKind.RefReadOnlyParameter: modifiers.Add("ref readonly"); break;
            }

            string modifierText = modifiers.Count == 0 ? string.Empty : string.Join(" ", modifiers) + " ";
            return new ParameterModel(SymbolText.Identifier(parameter.Name), typeTexts.Of(parameter.Type), modifierText);
        }

        /// <summary>True for parameter types that cannot travel in the value-tuple state (pointers, ref structs) or by-ref parameters.</summary>
        public static string? FindCancellationTokenParameter(IMethodSymbol method)
        {
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                if (parameter.RefKind == RefKind.None
                    && parameter.Type is INamedTypeSymbol { Name: "CancellationToken" } type
                    && NamespaceNames.Is(type.ContainingNamespace, NamespaceNames.SystemThreading))
                {
                    return SymbolText.Identifier(parameter.Name);
                }
            }

            return null;
        }
    }
}
