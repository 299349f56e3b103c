using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>Handle / Ignore / ShouldHandle of one attribute, as written, with ShouldHandle resolved.</summary>
    internal sealed class ExceptionFilterDeclaration
    {
        public const string HandleProperty = "Handle";
        public const string IgnoreProperty = "Ignore";
        public const string ShouldHandleProperty = "ShouldHandle";

        public ExceptionFilterDeclaration(ImmutableArray<TypedConstant> handle, ImmutableArray<TypedConstant> ignore, HookDeclaration? shouldHandle)
        {
            Handle = handle;
            Ignore = ignore;
            ShouldHandle = shouldHandle;
        }

        /// <summary>The <c>typeof(...)</c> elements of Handle, in order; empty when not set.</summary>
        public ImmutableArray<TypedConstant> Handle { get; }

        /// <summary>The <c>typeof(...)</c> elements of Ignore, in order; empty when not set.</summary>
        public ImmutableArray<TypedConstant> Ignore { get; }

        /// <summary>The predicate <c>bool M(Exception)</c>, or null when ShouldHandle is not set.</summary>
        public HookDeclaration? ShouldHandle { get; }

        public static ExceptionFilterDeclaration Read(AttributeData attribute, IMethodSymbol method, KnownTypes types)
        {
            var name = AttributeArguments.String(attribute, ShouldHandleProperty);
            var shouldHandle = name == null
                ? null
                : new HookDeclaration(attribute, ShouldHandleProperty, name, () => HookLookup.FindPredicate(method, name, types));
            return new ExceptionFilterDeclaration(
                AttributeArguments.Elements(attribute, HandleProperty),
                AttributeArguments.Elements(attribute, IgnoreProperty),
                shouldHandle);
        }
    }
}
