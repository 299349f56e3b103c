using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ResilienceGen.Generator.Model;

namespace ResilienceGen.Generator.Parsing
{
    /// <summary>Reads the chain of types around a method into the model a generated partial re-opens.</summary>
    internal static class TypeHierarchyReader
    {
        /// <summary>
        /// The hierarchy read from the symbol, once per type: every attributed method of a type has the same one, and
        /// reading it formats a dozen strings. Keyed by the symbol, which belongs to one compilation, so a new compilation
        /// (any edit) starts empty and nothing outlives the symbols it was read from.
        /// </summary>
        private static readonly ConditionalWeakTable<INamedTypeSymbol, ReadOnce> s_byType = new ConditionalWeakTable<INamedTypeSymbol, ReadOnce>();

        /// <summary>
        /// The hierarchy, or null when a partial cannot be added: a type in the chain is not declared partial
        /// here, is file-local, or is not a class, struct or record.
        /// </summary>
        public static TypeHierarchy? Read(INamedTypeSymbol containingType, MethodDeclarationSyntax method)
        {
            // From the method's own syntax: another part of the type may be declared differently.
            if (!EveryEnclosingTypeIsPartial(method))
            {
                return null;
            }

            return s_byType.GetValue(containingType, static type => new ReadOnce(ReadFromSymbol(type))).Hierarchy;
        }

        /// <summary>A cache entry; a class because the table cannot hold a null hierarchy directly.</summary>
        private sealed class ReadOnce
        {
            public ReadOnce(TypeHierarchy? hierarchy)
            {
                Hierarchy = hierarchy;
            }

            public TypeHierarchy? Hierarchy { get; }
        }

        private static TypeHierarchy? ReadFromSymbol(INamedTypeSymbol containingType)
        {
            var chain = new List<INamedTypeSymbol>();
            for (INamedTypeSymbol? type = containingType; type is not null; type = type.ContainingType)
            {
                if (type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Struct)
                {
                    return null;
                }

                chain.Add(type);
            }

            chain.Reverse();

            INamespaceSymbol? ns = containingType.ContainingNamespace;
            string namespaceDisplay = ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString();
            string namespaceEscaped = ns is null || ns.IsGlobalNamespace
                ? string.Empty
                : string.Join(".", namespaceDisplay.Split('.').Select(SymbolText.Identifier));

            var types = chain.Select(ToModel).ToEquatableArray();
            string qualifiedName = "global::"
                + (namespaceEscaped.Length == 0 ? string.Empty : namespaceEscaped + ".")
                + string.Join(".", chain.Select(t => SymbolText.NameWithTypeParameters(t.Name, t.TypeParameters)));

            // '+' separates nesting and '`n' marks arity, as in metadata names, so Ns.A+B and Ns.A.B, or Box and Box<T>, never share a file name.
            string metadataPath = string.Join("+", chain.Select(t => t.MetadataName));
            string hintName = (namespaceDisplay.Length == 0 ? string.Empty : namespaceDisplay + ".") + metadataPath + ".Resilience.g.cs";

            return new TypeHierarchy(namespaceEscaped, types, qualifiedName, hintName);
        }

        private static bool EveryEnclosingTypeIsPartial(MethodDeclarationSyntax method)
        {
            bool sawType = false;
            for (SyntaxNode? node = method.Parent; node is not null; node = node.Parent)
            {
                if (node is TypeDeclarationSyntax typeDeclaration)
                {
                    sawType = true;
                    if (!typeDeclaration.Modifiers.Any(SyntaxKind.PartialKeyword) || typeDeclaration.Modifiers.Any(SyntaxKind.FileKeyword))
                    {
                        return false;
                    }
                }
                else if (node is not BaseNamespaceDeclarationSyntax && node is not CompilationUnitSyntax)
                {
                    return false;
                }
            }

            return sawType;
        }

        private static ContainingTypeModel ToModel(INamedTypeSymbol type)
        {
            var modifiers = new List<string>();
            if (type.IsStatic)
            {
                modifiers.Add("static");
            }

            if (type.TypeKind == TypeKind.Struct && type.IsReadOnly)
            {
                modifiers.Add("readonly");
            }

            if (type.IsRefLikeType)
            {
                modifiers.Add("ref");
            }

            string keyword = type.IsRecord
                ? (type.TypeKind == TypeKind.Struct ? "record struct" : "record")
                : (type.TypeKind == TypeKind.Struct ? "struct" : "class");

            return new ContainingTypeModel(
                string.Join(" ", modifiers),
                keyword,
                SymbolText.NameWithTypeParameters(type.Name, type.TypeParameters));
        }
    }
}
