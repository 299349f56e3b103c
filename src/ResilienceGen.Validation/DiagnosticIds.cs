namespace ResilienceGen.Validation
{
    /// <summary>The stable diagnostic ids, shared by the validator, the analyzers and the code fixes.</summary>
    internal static class DiagnosticIds
    {
        public const string NotBodylessPartial = "RG0001";
        public const string UnsupportedReturnType = "RG0002";
        public const string CoreMethodMissing = "RG0003";
        public const string CoreMethodSignatureMismatch = "RG0004";
        public const string UnsupportedParameter = "RG0005";
        public const string StructInstanceMethod = "RG0006";
        public const string AttributeValueOutOfRange = "RG0007";
        public const string NotAnExceptionType = "RG0008";
        public const string ShouldHandleNotFound = "RG0009";
        public const string BreakerSettingsConflict = "RG0010";
        public const string NoCancellationToken = "RG0011";
        public const string CoreMethodNotPrivate = "RG0012";
        public const string OnRetryNotFound = "RG0013";
        public const string FallbackNotFound = "RG0014";
        public const string RetryAfterNotFound = "RG0015";
        public const string TimeoutWithoutCancellationToken = "RG0016";
        public const string KeyByNotFound = "RG0017";
        public const string TimeoutSettingsDefeatEachOther = "RG0018";
        public const string BudgetSettingsConflict = "RG0019";

        /// <summary>
        /// Not a diagnostic of ours: the declaration is broken in a way the C# compiler already reports
        /// (a partial method in a non-partial type, a partial implementation without a definition, ...).
        /// The analyzers stay silent; the generator treats it as an error and emits no wrapper.
        /// </summary>
        public const string ReportedByCompiler = "CS";
    }
}
