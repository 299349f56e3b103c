using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ResilienceGen.Generator.Parsing
{
    /// <summary>How symbols are written into generated code: fully qualified, keywords escaped, nullability kept.</summary>
    internal static class SymbolText
    {
        public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        public static string Type(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

        /// <summary>A name as it may appear in source: <c>@event</c> for keywords.</summary>
        public static string Identifier(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        /// <summary><c>Name&lt;T, U&gt;</c> with escaped names, or just the name.</summary>
        public static string NameWithTypeParameters(string name, IEnumerable<ITypeParameterSymbol> typeParameters)
        {
            var names = new List<string>();
            foreach (ITypeParameterSymbol typeParameter in typeParameters)
            {
                names.Add(Identifier(typeParameter.Name));
            }

            return names.Count == 0 ? Identifier(name) : Identifier(name) + "<" + string.Join(", ", names) + ">";
        }
    }
}
