using ResilienceGen.Configuration.Tests.Infrastructure;
using ResilienceGen.Internal;

namespace ResilienceGen.Configuration.Tests;

/// <summary>Retry budget settings from configuration, by budget name: <c>Budgets:&lt;name&gt;:Percent</c> / <c>MinPerSecond</c>.</summary>
[Collection(GlobalRuntimeStateCollection.Name)]
public class BudgetBindingTests : ConfigurationTestBase
{
    public BudgetBindingTests() => Resilience.Budgets.ClearForTesting();

    public override void Dispose()
    {
        base.Dispose();
        Resilience.Budgets.ClearForTesting();
    }

    private static ResilientMethod Budgeted(string budget, double percent, int minPerSecond)
        => new(UniqueName("Tests.Budget.Method"), Retry(1, baseDelayMs: 0), null,
            budget: new RetryBudgetOptions { Name = budget, Percent = percent, MinPerSecond = minPerSecond });

    private static RetryBudget BudgetNamed(string name)
    {
        Assert.True(Resilience.Budgets.TryGet(name, out RetryBudget budget));
        return budget;
    }

    [Fact]
    public void Percent_and_MinPerSecond_from_configuration_apply_and_follow_reloads()
    {
        string name = UniqueName("config-budget");
        Budgeted(name, percent: 20, minPerSecond: 10);
        string prefix = $"Budgets:{name}:";

        Bind((prefix + "Percent", "5.5"), (prefix + "MinPerSecond", "2"));
        Assert.Equal(5.5, BudgetNamed(name).Percent);
        Assert.Equal(2, BudgetNamed(name).MinPerSecond);
        Assert.Equal(20, BudgetNamed(name).Available); // the floor: 2 per second for 10 s

        Reload((prefix + "MinPerSecond", "0"));
        Assert.Equal(20, BudgetNamed(name).Percent); // no longer said: the declared value again
        Assert.Equal(0, BudgetNamed(name).MinPerSecond);

        Reload();
        Assert.Equal(10, BudgetNamed(name).MinPerSecond);
        Assert.Empty(Errors);
    }

    [Fact]
    public void A_budget_configured_before_its_method_exists_gets_the_values_when_it_does()
    {
        string name = UniqueName("later-budget");
        Bind(($"Budgets:{name}:Percent", "40"));

        Budgeted(name, percent: 20, minPerSecond: 10);

        Assert.Equal(40, BudgetNamed(name).Percent);
        Assert.Empty(Errors);
    }

    [Fact]
    public void Values_out_of_range_or_unknown_are_reported_and_the_good_ones_still_apply()
    {
        string name = UniqueName("bad-budget");
        Budgeted(name, percent: 20, minPerSecond: 10);
        string prefix = $"Budgets:{name}:";

        Bind((prefix + "Percent", "2000"), (prefix + "MinPerSecond", "3"), (prefix + "Ratio", "1"), (prefix + "Enabled", "false"));

        Assert.Equal(20, BudgetNamed(name).Percent);
        Assert.Equal(3, BudgetNamed(name).MinPerSecond);
        Assert.Contains(Errors, e => e.Path.EndsWith(":Percent", StringComparison.Ordinal) && e.Reason.Contains("out of range", StringComparison.Ordinal));
        Assert.Contains(Errors, e => e.Path.EndsWith(":Ratio", StringComparison.Ordinal) && e.Reason.Contains("unknown key", StringComparison.Ordinal));
        Assert.Contains(Errors, e => e.Path.EndsWith(":Enabled", StringComparison.Ordinal) && e.Reason.Contains("no kill switch", StringComparison.Ordinal));
        Assert.Equal(3, Errors.Count);
    }
}
