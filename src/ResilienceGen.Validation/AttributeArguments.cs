using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ResilienceGen.Validation
{
    /// <summary>Reads attribute arguments and finds where they are written.</summary>
    internal static class AttributeArguments
    {
        /// <summary>The named argument's value, or null when it is not set (or the compiler could not evaluate it).</summary>
        public static TypedConstant? Named(AttributeData attribute, string name)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name)
                {
                    return argument.Value.Kind == TypedConstantKind.Error ? (TypedConstant?)null : argument.Value;
                }
            }

            return null;
        }

        /// <summary>The syntax of <c>Name = value</c>, or null.</summary>
        public static AttributeArgumentSyntax? NamedSyntax(AttributeData attribute, string name, CancellationToken cancellationToken)
        {
            if (!(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax) || syntax.ArgumentList == null)
            {
                return null;
            }

            foreach (var argument in syntax.ArgumentList.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument;
                }
            }

            return null;
        }

        /// <summary>The syntax of the constructor argument at <paramref name="index"/>, or null.</summary>
        public static AttributeArgumentSyntax? PositionalSyntax(AttributeData attribute, int index, CancellationToken cancellationToken)
        {
            if (!(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax) || syntax.ArgumentList == null)
            {
                return null;
            }

            var position = 0;
            foreach (var argument in syntax.ArgumentList.Arguments)
            {
                if (argument.NameEquals != null)
                {
                    continue;
                }

                if (position++ == index)
                {
                    return argument;
                }
            }

            return null;
        }

        public static Location LocationOf(AttributeData attribute, string name, Location fallback, CancellationToken cancellationToken)
            => NamedSyntax(attribute, name, cancellationToken)?.GetLocation() ?? AttributeLocation(attribute, fallback, cancellationToken);

        public static Location AttributeLocation(AttributeData attribute, Location fallback, CancellationToken cancellationToken)
            => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? fallback;

        /// <summary>The element expression at <paramref name="index"/> of an array or collection argument, or the whole argument.</summary>
        public static Location ElementLocation(AttributeData attribute, string name, int index, Location fallback, CancellationToken cancellationToken)
        {
            var argument = NamedSyntax(attribute, name, cancellationToken);
            if (argument == null)
            {
                return AttributeLocation(attribute, fallback, cancellationToken);
            }

            SyntaxNode? element = null;
            switch (argument.Expression)
            {
                case CollectionExpressionSyntax collection when index < collection.Elements.Count:
                    element = collection.Elements[index];
                    break;
                case ArrayCreationExpressionSyntax array when array.Initializer != null && index < array.Initializer.Expressions.Count:
                    element = array.Initializer.Expressions[index];
                    break;
                case ImplicitArrayCreationExpressionSyntax implicitArray when index < implicitArray.Initializer.Expressions.Count:
                    element = implicitArray.Initializer.Expressions[index];
                    break;
            }

            return (element ?? argument).GetLocation();
        }

        /// <summary>The short name a user writes, e.g. "WithRetry".</summary>
        public static string ShortName(AttributeData attribute)
        {
            var name = attribute.AttributeClass?.Name ?? "attribute";
            return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
        }
    }
}
