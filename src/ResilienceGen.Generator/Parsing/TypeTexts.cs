using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Generator.Parsing
{
    /// <summary>
    /// <see cref="SymbolText.Type"/> remembered per compilation for the types that recur in every signature (int, string,
    /// CancellationToken, the Handle exception types): formatting a type is one of the transform's larger costs, and
    /// 2,000 methods name the same few types. One table per compilation, so an edit never sees an old answer.
    /// </summary>
    internal sealed class TypeTexts
    {
        private static readonly ConditionalWeakTable<Compilation, TypeTexts> s_byCompilation = new ConditionalWeakTable<Compilation, TypeTexts>();

        private readonly ConcurrentDictionary<Key, string> _texts = new ConcurrentDictionary<Key, string>(KeyComparer.Instance);

        public static TypeTexts For(Compilation compilation) => s_byCompilation.GetValue(compilation, static _ => new TypeTexts());

        /// <summary>The same text as <see cref="SymbolText.Type"/>.</summary>
        public string Of(ITypeSymbol type)
        {
            // Only a type's own definition is remembered: its text depends on nothing but the definition and the top-level
            // nullable annotation (the key). Constructed generics (type arguments with their own annotations), tuples
            // (element names), native integers (nint is System.IntPtr's symbol) and error types are formatted each time.
            if (type is not INamedTypeSymbol { IsDefinition: true, IsTupleType: false, IsNativeIntegerType: false } named
                || named.TypeKind == TypeKind.Error)
            {
                return SymbolText.Type(type);
            }

            return _texts.GetOrAdd(new Key(named, named.NullableAnnotation), static key => SymbolText.Type(key.Type));
        }

        private readonly struct Key
        {
            public Key(INamedTypeSymbol type, NullableAnnotation annotation)
            {
                Type = type;
                Annotation = annotation;
            }

            public INamedTypeSymbol Type { get; }

            public NullableAnnotation Annotation { get; }
        }

        /// <summary>The symbol (nullability aside, which the annotation carries) and the annotation.</summary>
        private sealed class KeyComparer : IEqualityComparer<Key>
        {
            public static readonly KeyComparer Instance = new KeyComparer();

            public bool Equals(Key x, Key y)
                => x.Annotation == y.Annotation && SymbolEqualityComparer.Default.Equals(x.Type, y.Type);

            public int GetHashCode(Key key)
                => (SymbolEqualityComparer.Default.GetHashCode(key.Type) * 31) + (int)key.Annotation;
        }
    }
}
