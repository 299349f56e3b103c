namespace ResilienceGen.Generator.Model
{
    /// <summary>Handle / Ignore / ShouldHandle of one attribute, ready to become a static filter lambda.</summary>
    /// <param name="Handle">Fully qualified exception types that count (subtypes included); empty means any.</param>
    /// <param name="Ignore">Fully qualified exception types that never count; they win over Handle.</param>
    /// <param name="ShouldHandleMethod">Escaped method name, or null.</param>
    /// <param name="ShouldHandleIsStatic">Whether that method is static (called on the type) or an instance method (called on the state's instance).</param>
    internal sealed record ExceptionFilterModel(
        EquatableArray<string> Handle,
        EquatableArray<string> Ignore,
        string? ShouldHandleMethod,
        bool ShouldHandleIsStatic)
    {
        public static readonly ExceptionFilterModel Everything =
            new ExceptionFilterModel(EquatableArray<string>.Empty, EquatableArray<string>.Empty, null, false);

        public bool CountsEverything => Handle.Count == 0 && Ignore.Count == 0 && ShouldHandleMethod is null;
    }
}
