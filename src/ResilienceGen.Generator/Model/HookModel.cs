namespace ResilienceGen.Generator.Model
{
    /// <summary>A hook method named by OnRetry / RetryAfter / Fallback, as much as the emitted call needs.</summary>
    /// <param name="Name">Escaped method name.</param>
    /// <param name="IsStatic">Called on the type when static, on the state's instance otherwise.</param>
    /// <param name="IsGeneric">Called with the wrapper's own type parameters (the hook has the same arity).</param>
    internal sealed record HookModel(string Name, bool IsStatic, bool IsGeneric);
}
