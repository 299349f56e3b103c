namespace ResilienceGen.Generator.Model
{
    /// <summary>The hooks of one wrapper; each is null when not named.</summary>
    internal sealed record HooksModel(HookModel? OnRetry, HookModel? RetryAfter, HookModel? Fallback)
    {
        public static readonly HooksModel None = new HooksModel(null, null, null);

        public bool Any => OnRetry is not null || RetryAfter is not null || Fallback is not null;
    }
}
