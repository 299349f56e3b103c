using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using ResilienceGen.Internal;

namespace ResilienceGen
{
    /// <summary>
    /// The process-wide set of retry budgets, by name (<see cref="Resilience.Budgets"/>). A budget is added when the
    /// first method naming it is set up (no later than its first call); the first registration's settings win.
    /// </summary>
    public sealed class RetryBudgetRegistry
    {
        private readonly ConcurrentDictionary<string, RetryBudget> _budgets =
            new ConcurrentDictionary<string, RetryBudget>(StringComparer.Ordinal);

        private readonly ConcurrentDictionary<string, Action<RetryBudgetOptions>> _overrides =
            new ConcurrentDictionary<string, Action<RetryBudgetOptions>>(StringComparer.Ordinal);

        internal RetryBudgetRegistry()
        {
        }

        /// <summary>Every registered budget, ordered by name (a snapshot).</summary>
        public IReadOnlyCollection<RetryBudget> All =>
            _budgets.Values.OrderBy(b => b.Name, StringComparer.Ordinal).ToArray();

        /// <summary>Gets the budget named <paramref name="name"/>, if it is registered.</summary>
        public bool TryGet(string name, out RetryBudget budget)
        {
            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            if (_budgets.TryGetValue(name, out RetryBudget? found))
            {
                budget = found;
                return true;
            }

            budget = null!;
            return false;
        }

        /// <summary>
        /// Overrides the settings of the budget named <paramref name="name"/> while the process runs: the action gets
        /// a copy of the declared settings (the first registration's) to change. Applies from the next retry
        /// decision; the counts of the window are kept. If the budget does not exist yet, the override waits for it.
        /// The latest override of a name replaces the previous one. <c>Name</c> cannot be changed.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The action set a value out of range; nothing changed.</exception>
        public void Configure(string name, Action<RetryBudgetOptions> configure)
        {
            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            if (configure is null)
            {
                throw new ArgumentNullException(nameof(configure));
            }

            RetryBudgetOptions trial = _budgets.TryGetValue(name, out RetryBudget? existing)
                ? existing.CopyOfDeclaredOptions()
                : new RetryBudgetOptions();
            configure(trial);
            trial.Validate();

            _overrides[name] = configure;
            if (_budgets.TryGetValue(name, out RetryBudget? budget))
            {
                ApplyOverride(budget);
            }
        }

        /// <summary>Drops the override of <paramref name="name"/>; its budget returns to its declared settings.</summary>
        /// <returns>True if there was an override.</returns>
        public bool RemoveOverride(string name)
        {
            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            bool removed = _overrides.TryRemove(name, out _);
            if (_budgets.TryGetValue(name, out RetryBudget? budget))
            {
                ApplyOverride(budget);
            }

            return removed;
        }

        /// <summary>
        /// For tests: forgets every budget and override, so each method's next call uses a fresh budget with its
        /// declared settings. Not for production code.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public void ClearForTesting()
        {
            foreach (string name in _budgets.Keys)
            {
                if (_budgets.TryRemove(name, out RetryBudget? removed))
                {
                    removed.Detach();
                }
            }

            _overrides.Clear();
            RuntimeOverrides.Changed(); // descriptors rebuild their policy and look their budget up again
        }

        /// <summary>The budget named <paramref name="name"/>, created with <paramref name="options"/> if it does not exist yet.</summary>
        internal RetryBudget GetOrAdd(string name, RetryBudgetOptions options)
        {
            if (_budgets.TryGetValue(name, out RetryBudget? existing))
            {
                return existing;
            }

            var created = new RetryBudget(name, options);
            RetryBudget winner = _budgets.GetOrAdd(name, created);
            if (ReferenceEquals(winner, created) && _overrides.ContainsKey(name))
            {
                ApplyOverride(winner);
            }

            return winner;
        }

        /// <summary>Drops every override (the declared settings apply again); the budgets stay.</summary>
        internal void RemoveAllOverrides()
        {
            _overrides.Clear();
            foreach (RetryBudget budget in _budgets.Values)
            {
                ApplyOverride(budget);
            }
        }

        private void ApplyOverride(RetryBudget budget)
        {
            RetryBudgetOptions options = budget.CopyOfDeclaredOptions();
            if (_overrides.TryGetValue(budget.Name, out Action<RetryBudgetOptions>? configure))
            {
                try
                {
                    configure(options);
                    options.Name = budget.Name;
                    options.Validate();
                }
                catch (Exception ex)
                {
                    Telemetry.ResilienceTelemetry.BudgetOverrideRejected(budget, ex);
                    options = budget.CopyOfDeclaredOptions();
                }
            }

            budget.ApplySettings(options);
        }
    }
}
