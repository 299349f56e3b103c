using Microsoft.CodeAnalysis;

namespace ResilienceGen.Generator.Parsing
{
    /// <summary>Finds our two attributes on a method by their full names.</summary>
    internal static class AttributeFinder
    {
        public static AttributeData? Find(ISymbol symbol, string attributeName)
        {
            foreach (AttributeData attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass is { } attributeClass
                    && attributeClass.Name == attributeName
                    && attributeClass.ContainingNamespace is { Name: KnownNames.RuntimeNamespace } ns
                    && ns.ContainingNamespace is { IsGlobalNamespace: true })
                {
                    return attribute;
                }
            }

            return null;
        }
    }
}
