namespace ResilienceGen.Generator.Model
{
    /// <summary>All attributed methods of one containing type: becomes one generated file.</summary>
    internal sealed record TypeGroup(TypeHierarchy Type, EquatableArray<MethodModel> Methods);
}
