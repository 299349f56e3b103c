namespace ResilienceGen.Generator.Model
{
    /// <summary>
    /// One type in the chain that contains the method, as its partial declaration must be re-opened:
    /// <c>Modifiers</c> holds only what every part must repeat (static, readonly, ref), <c>Keyword</c> is
    /// class, struct, record or record struct, and <c>NameWithTypeParameters</c> is escaped, e.g. <c>Box&lt;T&gt;</c>.
    /// </summary>
    internal sealed record ContainingTypeModel(string Modifiers, string Keyword, string NameWithTypeParameters);
}
