using System.Runtime.CompilerServices;
using ResilienceGen.Internal;

namespace ResilienceGen
{
    /// <summary>
    /// One retry budget (API.md §6.3), shared by every method that names it: retries may add at most
    /// <see cref="Percent"/> % to the calls of the last 10 s, plus <see cref="MinPerSecond"/> retries per second.
    /// A retry the budget refuses is not made. Get one from <see cref="Resilience.Budgets"/>.
    /// </summary>
    public sealed class RetryBudget
    {
        private readonly RetryBudgetOptions _declared;
        private readonly BudgetWindow _window = new BudgetWindow();
        private volatile RetryBudgetOptions _settings;
        private volatile bool _detached;

        internal RetryBudget(string name, RetryBudgetOptions options)
        {
            Name = name;
            _declared = options.Clone();
            _declared.Name = name;
            _settings = _declared;
        }

        /// <summary>The budget's name: its <c>Budget</c>, or the first method's full name.</summary>
        public string Name { get; }

        /// <summary>The percentage in force (declared, or an override's).</summary>
        public double Percent => _settings.Percent;

        /// <summary>The floor in force, retries per second.</summary>
        public int MinPerSecond => _settings.MinPerSecond;

        /// <summary>
        /// Retries the budget allows right now in the current 10 s window (never negative); <see cref="long.MaxValue"/>
        /// when <see cref="Percent"/> is 0 (no cap).
        /// </summary>
        public long Available
        {
            get
            {
                RetryBudgetOptions settings = _settings;
                return settings.Percent > 0 ? _window.Available(settings.Percent, settings.MinPerSecond) : long.MaxValue;
            }
        }

        /// <summary>Retries made through this budget in the current 10 s window.</summary>
        public long Spent => _window.Spent;

        /// <summary>Calls counted into the budget in the current 10 s window (first attempts, not retries).</summary>
        public long Calls => _window.Calls;

        /// <summary>True once the registry dropped this budget (tests); descriptors then look the name up again.</summary>
        internal bool IsDetached => _detached;

        /// <summary>The counts behind the budget; calls are counted there directly (see <see cref="MethodPolicy.BudgetCalls"/>).</summary>
        internal BudgetWindow Window => _window;

        /// <summary>Takes one retry out of the budget; false means the retry must not be made.</summary>
        internal bool TryWithdraw()
        {
            RetryBudgetOptions settings = _settings;
            if (settings.Percent > 0)
            {
                return _window.TryWithdraw(settings.Percent, settings.MinPerSecond);
            }

            _window.CountRetry(); // no cap (an override set Percent to 0), but Spent still counts what is made
            return true;
        }

        internal RetryBudgetOptions CopyOfDeclaredOptions() => _declared.Clone();

        internal void ApplySettings(RetryBudgetOptions settings) => _settings = settings;

        internal void Detach() => _detached = true;
    }
}
