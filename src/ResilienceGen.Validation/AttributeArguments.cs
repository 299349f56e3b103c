using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ResilienceGen.Validation
{
    /// <summary>The one reader of attribute arguments, and where they are written (for diagnostics).</summary>
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

        public static DeclaredValue<int> Int(AttributeData attribute, string name, int fallback)
            => Named(attribute, name)?.Value is int value ? new DeclaredValue<int>(name, value, true) : new DeclaredValue<int>(name, fallback, false);

        public static DeclaredValue<bool> Bool(AttributeData attribute, string name, bool fallback)
            => Named(attribute, name)?.Value is bool value ? new DeclaredValue<bool>(name, value, true) : new DeclaredValue<bool>(name, fallback, false);

        public static DeclaredValue<double> Double(AttributeData attribute, string name, double fallback)
        {
            switch (Named(attribute, name)?.Value)
            {
                case double d: return new DeclaredValue<double>(name, d, true);
                case float f: return new DeclaredValue<double>(name, f, true);
                case int i: return new DeclaredValue<double>(name, i, true);
                default: return new DeclaredValue<double>(name, fallback, false);
            }
        }

        /// <summary>A string argument (a method or breaker name), or null when it is not set or not a compile-time string.</summary>
        public static string? String(AttributeData attribute, string name) => Named(attribute, name)?.Value as string;

        /// <summary>The elements of an array argument such as <c>Handle = [typeof(A)]</c>; empty when not set, null or not an array.</summary>
        public static ImmutableArray<TypedConstant> Elements(AttributeData attribute, string name)
        {
            var value = Named(attribute, name);
            return value == null || value.Value.IsNull || value.Value.Kind != TypedConstantKind.Array ? ImmutableArray<TypedConstant>.Empty : value.Value.Values;
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
