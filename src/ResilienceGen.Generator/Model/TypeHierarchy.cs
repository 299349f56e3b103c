namespace ResilienceGen.Generator.Model
{
    /// <summary>Where the generated partial goes: its namespace and the chain of (possibly nested, generic) types.</summary>
    /// <param name="Namespace">Escaped dotted namespace, empty for the global namespace.</param>
    /// <param name="Types">Outermost type first.</param>
    /// <param name="QualifiedName">global::Namespace.Outer.Inner&lt;T&gt;, usable as an expression inside the type.</param>
    /// <param name="HintName">Unique file name for this type, e.g. Namespace.Outer+Inner`1.Resilience.g.cs.</param>
    internal sealed record TypeHierarchy(
        string Namespace,
        EquatableArray<ContainingTypeModel> Types,
        string QualifiedName,
        string HintName);
}
