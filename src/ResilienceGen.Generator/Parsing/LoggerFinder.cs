using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ResilienceGen.Generator.Parsing
{
    /// <summary>
    /// Finds the logger the wrapper passes to the runtime: an ILogger (or ILogger&lt;T&gt;) field or property of the
    /// type or its bases (static ones only for static methods), else a primary-constructor parameter of that type.
    /// Returns the expression that reads it, or null (the runtime then uses Resilience.LoggerFactory).
    /// </summary>
    internal static class LoggerFinder
    {
        /// <summary>
        /// The member found for a type, once for its instance methods and once for its static ones: every attributed method
        /// of the type would otherwise walk all its members and bases again. Keyed by the symbol, which belongs to one
        /// compilation, so any edit starts afresh.
        /// </summary>
        private static readonly ConditionalWeakTable<INamedTypeSymbol, MemberPerKind> s_memberByType = new ConditionalWeakTable<INamedTypeSymbol, MemberPerKind>();

        public static string? Find(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
        {
            INamedTypeSymbol containingType = method.ContainingType;
            return s_memberByType.GetOrCreateValue(containingType).Get(method.IsStatic, containingType, compilation)
                ?? FindPrimaryConstructorParameter(method, containingType, cancellationToken);
        }

        /// <summary>The logger member of one type for instance and for static methods, each looked up on first use.</summary>
        private sealed class MemberPerKind
        {
            private Found? _forInstance;
            private Found? _forStatic;

            public string? Get(bool forStatic, INamedTypeSymbol containingType, Compilation compilation)
            {
                // Two threads may both look it up; they find the same member, and either answer is kept.
                Found? found = Volatile.Read(ref forStatic ? ref _forStatic : ref _forInstance);
                if (found is null)
                {
                    found = new Found(FindMember(forStatic, containingType, compilation));
                    Volatile.Write(ref forStatic ? ref _forStatic : ref _forInstance, found);
                }

                return found.Expression;
            }
        }

        /// <summary>A looked-up answer, so "no logger member" (null) is told apart from "not looked up yet".</summary>
        private sealed class Found
        {
            public Found(string? expression)
            {
                Expression = expression;
            }

            public string? Expression { get; }
        }

        private static string? FindMember(bool forStatic, INamedTypeSymbol containingType, Compilation compilation)
        {
            for (INamedTypeSymbol? type = containingType; type is not null; type = type.BaseType)
            {
                foreach (ISymbol member in type.GetMembers())
                {
                    ITypeSymbol? memberType = member switch
                    {
                        IFieldSymbol { IsImplicitlyDeclared: false } field => field.Type,
                        IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
                        _ => null,
                    };

                    // CanBeReferencedByName rules out explicit interface implementations and compiler-named members.
                    if (memberType is null
                        || !member.CanBeReferencedByName
                        || !IsLogger(memberType)
                        || (forStatic && !member.IsStatic)
                        || !IsReadable(member, containingType, compilation))
                    {
                        continue;
                    }

                    string name = SymbolText.Identifier(member.Name);
                    return member.IsStatic
                        ? SymbolText.Type(member.ContainingType.WithNullableAnnotation(NullableAnnotation.NotAnnotated)) + "." + name
                        : "this." + name;
                }
            }

            return null;
        }

        private static bool IsReadable(ISymbol member, INamedTypeSymbol containingType, Compilation compilation)
        {
            ISymbol accessor = member is IPropertySymbol { GetMethod: { } getter } ? getter : member;
            return compilation.IsSymbolAccessibleWithin(member, containingType, member.IsStatic ? null : containingType)
                && compilation.IsSymbolAccessibleWithin(accessor, containingType, member.IsStatic ? null : containingType);
        }

        /// <summary>
        /// A primary-constructor parameter of logger type, used only for instance methods, only when no method
        /// parameter shadows its name, and only when the type does not already use it to initialize a member or the
        /// base class (capturing it then would draw CS9124 / CS9107).
        /// </summary>
        private static string? FindPrimaryConstructorParameter(
            IMethodSymbol method,
            INamedTypeSymbol containingType,
            CancellationToken cancellationToken)
        {
            if (method.IsStatic || containingType.IsRecord)
            {
                return null;
            }

            foreach (IMethodSymbol constructor in containingType.InstanceConstructors)
            {
                TypeDeclarationSyntax? primaryDeclaration = constructor.DeclaringSyntaxReferences
                    .Select(r => r.GetSyntax(cancellationToken))
                    .OfType<TypeDeclarationSyntax>()
                    .FirstOrDefault();
                if (primaryDeclaration is null)
                {
                    continue;
                }

                foreach (IParameterSymbol parameter in constructor.Parameters)
                {
                    if (IsLogger(parameter.Type)
                        && !method.Parameters.Any(p => p.Name == parameter.Name)
                        && !method.TypeParameters.Any(p => p.Name == parameter.Name)
                        && !IsUsedToInitialize(containingType, parameter.Name, cancellationToken))
                    {
                        return SymbolText.Identifier(parameter.Name);
                    }
                }
            }

            return null;
        }

        private static bool IsUsedToInitialize(INamedTypeSymbol type, string parameterName, CancellationToken cancellationToken)
        {
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
                {
                    continue;
                }

                var initializers = declaration.Members
                    .SelectMany<MemberDeclarationSyntax, SyntaxNode>(m => m switch
                    {
                        BaseFieldDeclarationSyntax field => field.Declaration.Variables
                            .Where(v => v.Initializer is not null)
                            .Select(v => (SyntaxNode)v.Initializer!),
                        PropertyDeclarationSyntax { Initializer: { } initializer } => new SyntaxNode[] { initializer },
                        _ => System.Array.Empty<SyntaxNode>(),
                    });

                if (declaration.BaseList is { } baseList)
                {
                    initializers = initializers.Concat(baseList.Types.OfType<PrimaryConstructorBaseTypeSyntax>());
                }

                if (initializers.Any(node => node.DescendantNodesAndSelf()
                        .OfType<IdentifierNameSyntax>()
                        .Any(identifier => identifier.Identifier.ValueText == parameterName)))
                {
                    return true;
                }
            }

            return false;
        }

        // By name rather than GetTypeByMetadataName: no per-compilation lookup on every keystroke, and no null when two
        // references both define the interface.
        private static bool IsLogger(ITypeSymbol type)
            => IsLoggerInterface(type) || type.AllInterfaces.Any(IsLoggerInterface);

        private static bool IsLoggerInterface(ITypeSymbol type)
            => type is INamedTypeSymbol { Name: "ILogger", Arity: 0, TypeKind: TypeKind.Interface } named
                && NamespaceNames.Is(named.ContainingNamespace, NamespaceNames.MicrosoftExtensionsLogging);
    }
}
