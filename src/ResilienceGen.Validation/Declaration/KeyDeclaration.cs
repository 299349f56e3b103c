using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>
    /// [CircuitBreaker(KeyBy = "...")] resolved against the method: a parameter, then a chain of instance properties or
    /// fields (<c>"endpoint.Host"</c>). Either the path resolves (<see cref="Steps"/>, for the generator's key
    /// expression) or <see cref="WhyNot"/> says why not (RG0017). Never throws.
    /// </summary>
    internal sealed class KeyDeclaration
    {
        public const string KeyByProperty = "KeyBy";

        private KeyDeclaration(string path, IParameterSymbol? parameter, ImmutableArray<KeyStep> steps, string? whyNot, string? hint)
        {
            Path = path;
            Parameter = parameter;
            Steps = steps;
            WhyNot = whyNot;
            Hint = hint;
        }

        /// <summary>The path as written.</summary>
        public string Path { get; }

        /// <summary>The parameter the path starts with, when it names one.</summary>
        public IParameterSymbol? Parameter { get; }

        /// <summary>The members after the parameter, in order; empty for a bare parameter or when the path does not resolve.</summary>
        public ImmutableArray<KeyStep> Steps { get; }

        /// <summary>Why the path names no usable key (RG0017's reason), or null when it resolves.</summary>
        public string? WhyNot { get; }

        /// <summary>How to fix it (RG0017's second half), when <see cref="WhyNot"/> is set.</summary>
        public string? Hint { get; }

        public static KeyDeclaration Resolve(string path, IMethodSymbol method, KnownTypes types)
        {
            string[] names = path.Split('.');
            if (names.Any(n => n.Trim().Length == 0 || n.Trim() != n))
            {
                return Fail(path, null, "is not a parameter name followed by '.Member' parts", "write it like \"endpoint.Host\", without spaces or empty parts");
            }

            IParameterSymbol? parameter = method.Parameters.FirstOrDefault(p => p.Name == names[0]);
            if (parameter == null)
            {
                IParameterSymbol? nearMiss = method.Parameters.FirstOrDefault(p => string.Equals(p.Name, names[0], StringComparison.OrdinalIgnoreCase));
                string hint = nearMiss != null
                    ? "did you mean '" + nearMiss.Name + "'?"
                    : method.Parameters.Length == 0
                        ? "add the parameter to key by, or remove KeyBy"
                        : "name one of " + string.Join(", ", method.Parameters.Select(p => "'" + p.Name + "'"));
                return Fail(path, null, "names no parameter '" + names[0] + "' of '" + method.Name + "'", hint);
            }

            if (types.CancellationToken != null && SymbolEqualityComparer.Default.Equals(parameter.Type, types.CancellationToken))
            {
                return Fail(path, parameter, "names the CancellationToken '" + parameter.Name + "', which is no key", "name the parameter (or its member) that tells the endpoints apart");
            }

            var steps = ImmutableArray.CreateBuilder<KeyStep>();
            ITypeSymbol receiver = parameter.Type;
            for (int i = 1; i < names.Length; i++)
            {
                string name = names[i];
                bool nullConditional;
                if (receiver is ITypeParameterSymbol typeParameter && !typeParameter.IsReferenceType && !typeParameter.IsValueType)
                {
                    return Fail(path, parameter, "reads '" + name + "' of the type parameter '" + receiver.Name + "', which may or may not be null",
                        "constrain '" + receiver.Name + "' to class or struct, or key by the parameter itself");
                }

                nullConditional = receiver.IsReferenceType || IsNullableValue(receiver);
                ISymbol? member = FindMember(receiver, name);
                string owner = (UnderlyingOfNullable(receiver) ?? receiver).WithNullableAnnotation(NullableAnnotation.NotAnnotated)
                    .ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
                if (member == null)
                {
                    ISymbol? nearMiss = FindMember(receiver, name, StringComparison.OrdinalIgnoreCase);
                    return Fail(path, parameter, "names no instance property or field '" + name + "' of '" + owner + "'",
                        nearMiss != null ? "did you mean '" + nearMiss.Name + "'?" : "name a property or field of '" + owner + "'");
                }

                if (member.IsStatic)
                {
                    return Fail(path, parameter, "names the static member '" + owner + "." + name + "'", "a key is read from the argument: name an instance property or field");
                }

                if (!types.Compilation.IsSymbolAccessibleWithin(member, method.ContainingType)
                    || (member is IPropertySymbol { GetMethod: var getter } && (getter == null || !types.Compilation.IsSymbolAccessibleWithin(getter, method.ContainingType))))
                {
                    return Fail(path, parameter, "names '" + owner + "." + name + "', which '" + method.ContainingType.Name + "' cannot read",
                        "make it readable from '" + method.ContainingType.Name + "' (a getter at least internal), or key by another member");
                }

                ITypeSymbol type = member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;
                steps.Add(new KeyStep(member.Name, nullConditional));
                receiver = type;
            }

            if (receiver.IsRefLikeType || receiver.TypeKind == TypeKind.Pointer || receiver.TypeKind == TypeKind.FunctionPointer)
            {
                return Fail(path, parameter, "has the type '" + receiver.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "', which cannot be a key",
                    "key by a member that has an ordinary type (string, int, Guid...)");
            }

            return new KeyDeclaration(path, parameter, steps.ToImmutable(), null, null);
        }

        private static KeyDeclaration Fail(string path, IParameterSymbol? parameter, string whyNot, string hint)
            => new KeyDeclaration(path, parameter, ImmutableArray<KeyStep>.Empty, whyNot, hint);

        private static bool IsNullableValue(ITypeSymbol type) => UnderlyingOfNullable(type) != null;

        private static ITypeSymbol? UnderlyingOfNullable(ITypeSymbol type)
            => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : null;

        /// <summary>A property (not an indexer) or field named <paramref name="name"/>: the type's own, its bases', its interfaces'.</summary>
        private static ISymbol? FindMember(ITypeSymbol receiver, string name, StringComparison comparison = StringComparison.Ordinal)
        {
            ITypeSymbol type = UnderlyingOfNullable(receiver) ?? receiver;
            foreach (ITypeSymbol candidate in SelfAndBases(type))
            {
                foreach (ISymbol member in candidate.GetMembers())
                {
                    if (string.Equals(member.Name, name, comparison)
                        && (member is IPropertySymbol { IsIndexer: false } || (member is IFieldSymbol field && !field.IsImplicitlyDeclared)))
                    {
                        return member;
                    }
                }
            }

            return null;
        }

        private static IEnumerable<ITypeSymbol> SelfAndBases(ITypeSymbol type)
        {
            if (type is ITypeParameterSymbol typeParameter)
            {
                foreach (ITypeSymbol constraint in typeParameter.ConstraintTypes)
                {
                    foreach (ITypeSymbol inner in SelfAndBases(constraint))
                    {
                        yield return inner;
                    }
                }

                yield break;
            }

            for (ITypeSymbol? current = type; current != null; current = current.BaseType)
            {
                yield return current;
            }

            foreach (INamedTypeSymbol @interface in type.AllInterfaces)
            {
                yield return @interface;
            }
        }
    }

    /// <summary>One <c>.Member</c> of a key path; <see cref="NullConditional"/> when its receiver may be null (read with <c>?.</c>).</summary>
    internal readonly struct KeyStep
    {
        public KeyStep(string name, bool nullConditional)
        {
            Name = name;
            NullConditional = nullConditional;
        }

        public string Name { get; }

        public bool NullConditional { get; }
    }
}
