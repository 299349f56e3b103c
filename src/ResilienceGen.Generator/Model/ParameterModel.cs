namespace ResilienceGen.Generator.Model
{
    /// <param name="Name">Escaped where it is a keyword (<c>@event</c>).</param>
    /// <param name="Type">Fully qualified, with nullable annotations as declared.</param>
    /// <param name="Modifiers">What the implementing declaration must repeat: <c>this</c>, <c>params</c>, ref kinds; empty or ending in a space.</param>
    internal sealed record ParameterModel(string Name, string Type, string Modifiers);
}
