namespace ResilienceGen.Validation
{
    /// <summary>Where the body of a resilient method lives: <c>XxxAsync</c> -> <c>XxxCoreAsync</c>, <c>Xxx</c> -> <c>XxxCore</c>.</summary>
    internal static class CoreMethodNaming
    {
        private const string AsyncSuffix = "Async";

        public static string CoreNameFor(string methodName)
        {
            if (methodName.Length > AsyncSuffix.Length && methodName.EndsWith(AsyncSuffix, System.StringComparison.Ordinal))
            {
                return methodName.Substring(0, methodName.Length - AsyncSuffix.Length) + "Core" + AsyncSuffix;
            }

            return methodName + "Core";
        }
    }
}
