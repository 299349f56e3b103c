namespace ResilienceGen.Generator.Model
{
    /// <summary>The four awaitable shapes the runtime has an entry point for.</summary>
    internal enum ReturnKind
    {
        /// <summary>Anything else: only a throwing stub is ever emitted for it.</summary>
        Unsupported,
        Task,
        TaskOfT,
        ValueTask,
        ValueTaskOfT,
    }
}
