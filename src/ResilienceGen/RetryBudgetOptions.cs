using System;

namespace ResilienceGen
{
    /// <summary>
    /// The settings of one retry budget (API.md §6.3), as <see cref="WithRetryAttribute.BudgetPercent"/>,
    /// <see cref="WithRetryAttribute.BudgetMinPerSecond"/> and <see cref="WithRetryAttribute.Budget"/> gave them.
    /// Retries may add at most <see cref="Percent"/> % to the calls of the last 10 s, plus
    /// <see cref="MinPerSecond"/> retries per second of that window. The first registration of a name decides its
    /// budget's settings; <see cref="RetryBudgetRegistry.Configure"/> overrides them at run time.
    /// </summary>
    public sealed class RetryBudgetOptions
    {
        internal const double DefaultPercent = PolicyDefaults.BudgetPercent;
        internal const int DefaultMinPerSecond = PolicyDefaults.BudgetMinPerSecond;

        /// <summary>The budget's name; null means the method's name (<c>Namespace.Type.Method</c>).</summary>
        public string? Name { get; set; }

        /// <summary>
        /// How much retries may add to the calls of the window, in percent. Default 0; from 0 to 1000. 0 means no
        /// cap: every retry the retry policy allows is made (as without a budget).
        /// </summary>
        public double Percent { get; set; } = DefaultPercent;

        /// <summary>Retries per second allowed whatever the traffic, so a quiet method still retries. Default 10; from 0 to 1,000,000.</summary>
        public int MinPerSecond { get; set; } = DefaultMinPerSecond;

        internal RetryBudgetOptions Clone() => (RetryBudgetOptions)MemberwiseClone();

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first property out of range.</summary>
        internal void Validate()
        {
            if (Name != null && Name.Length == 0) throw OutOfRange(nameof(Name), Name, "not empty");
            if (!(Percent >= 0.0 && Percent <= PolicyDefaults.BudgetPercentLimit)) throw OutOfRange(nameof(Percent), Percent, "from 0 to 1000");
            if (MinPerSecond < 0 || MinPerSecond > PolicyDefaults.BudgetMinPerSecondLimit) throw OutOfRange(nameof(MinPerSecond), MinPerSecond, "from 0 to 1000000");
        }

        private static ArgumentOutOfRangeException OutOfRange(string property, object value, string range)
            => new ArgumentOutOfRangeException(property, value, $"RetryBudgetOptions.{property} must be {range}.");
    }
}
