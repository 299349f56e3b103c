using System.Threading;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>[WithRetry] as a method declares it, every value with its default (<see cref="PolicyDefaults"/>) applied.</summary>
    internal sealed class RetryDeclaration
    {
        private RetryDeclaration(AttributeData attribute, IMethodSymbol method, KnownTypes types)
        {
            Attribute = attribute;
            MaxRetries = AttributeArguments.Int(attribute, "MaxRetries", PolicyDefaults.MaxRetries);
            BaseDelayMs = AttributeArguments.Int(attribute, "BaseDelayMs", PolicyDefaults.BaseDelayMs);
            MaxDelayMs = AttributeArguments.Int(attribute, "MaxDelayMs", PolicyDefaults.MaxDelayMs);
            Backoff = ReadBackoff(attribute);
            BackoffMember = MemberName(types.BackoffKind, Backoff.Value);
            BackoffFactor = AttributeArguments.Double(attribute, "BackoffFactor", PolicyDefaults.BackoffFactor);
            Jitter = AttributeArguments.Bool(attribute, "Jitter", PolicyDefaults.Jitter);
            JitterFactor = AttributeArguments.Double(attribute, "JitterFactor", PolicyDefaults.JitterFactor);
            Filter = ExceptionFilterDeclaration.Read(attribute, method, types);
            OnRetry = Hook(attribute, HookRules.OnRetryProperty, name => HookLookup.Find(method, name, types, c => HookShapes.OnRetryDifference(c, types), string.Format(HookShapes.OnRetryShape, name)));
            RetryAfter = Hook(attribute, HookRules.RetryAfterProperty, name => HookLookup.Find(method, name, types, c => HookShapes.RetryAfterDifference(c, types), string.Format(HookShapes.RetryAfterShape, name)));
            FallbackName = AttributeArguments.String(attribute, HookRules.FallbackProperty);
            BudgetPercent = AttributeArguments.Double(attribute, BudgetPercentProperty, PolicyDefaults.BudgetPercent);
            BudgetMinPerSecond = AttributeArguments.Int(attribute, "BudgetMinPerSecond", PolicyDefaults.BudgetMinPerSecond);
            NamedBudget = AttributeArguments.String(attribute, BudgetProperty);
            BudgetName = NamedBudget ?? MethodNames.Qualified(method);
        }

        public const string BudgetPercentProperty = "BudgetPercent";
        public const string BudgetProperty = "Budget";

        public AttributeData Attribute { get; }

        public DeclaredValue<int> MaxRetries { get; }

        public DeclaredValue<int> BaseDelayMs { get; }

        public DeclaredValue<int> MaxDelayMs { get; }

        /// <summary>The BackoffKind value, as a number: the generator and the analyzers do not have the enum type.</summary>
        public DeclaredValue<int> Backoff { get; }

        /// <summary>The BackoffKind member <see cref="Backoff"/> names (<c>Exponential</c>), or null when it names none.</summary>
        public string? BackoffMember { get; }

        public DeclaredValue<double> BackoffFactor { get; }

        public DeclaredValue<bool> Jitter { get; }

        public DeclaredValue<double> JitterFactor { get; }

        public ExceptionFilterDeclaration Filter { get; }

        /// <summary><c>void M(int attempt, TimeSpan delay, Exception exception)</c>, or null when OnRetry is not set.</summary>
        public HookDeclaration? OnRetry { get; }

        /// <summary><c>TimeSpan? M(Exception exception)</c>, or null when RetryAfter is not set.</summary>
        public HookDeclaration? RetryAfter { get; }

        /// <summary>The Fallback name written here (resolved on <see cref="ResilientDeclaration.Fallback"/>), or null.</summary>
        public string? FallbackName { get; }

        /// <summary>Above 0: the method has a retry budget (API.md §6.3).</summary>
        public DeclaredValue<double> BudgetPercent { get; }

        public DeclaredValue<int> BudgetMinPerSecond { get; }

        /// <summary><c>Budget = "..."</c> as written, or null.</summary>
        public string? NamedBudget { get; }

        /// <summary>The budget's name: the one written, else <c>Namespace.Type.Method</c>.</summary>
        public string BudgetName { get; }

        /// <summary>True when BudgetPercent is above 0: only then does the method get a budget.</summary>
        public bool HasBudget => BudgetPercent.Value > 0;

        /// <summary>
        /// For RG0019 (methods naming one budget share it): the first budget setting that differs, as
        /// "BudgetPercent = 20" / "BudgetPercent = 10", or null when they agree.
        /// </summary>
        public System.Tuple<string, string>? FirstBudgetDifference(RetryDeclaration other)
        {
            if (BudgetPercent.Value != other.BudgetPercent.Value)
            {
                return System.Tuple.Create(Text(BudgetPercent), Text(other.BudgetPercent));
            }

            return BudgetMinPerSecond.Value != other.BudgetMinPerSecond.Value
                ? System.Tuple.Create(Text(BudgetMinPerSecond), Text(other.BudgetMinPerSecond))
                : null;
        }

        private static string Text(DeclaredValue<double> value) => value.Property + " = " + AttributeValueRules.Text(value.Value);

        private static string Text(DeclaredValue<int> value) => value.Property + " = " + AttributeValueRules.Text(value.Value);

        public static RetryDeclaration Read(AttributeData attribute, IMethodSymbol method, KnownTypes types) => new RetryDeclaration(attribute, method, types);

        public Location LocationOf(string property, Location fallback, CancellationToken cancellationToken)
            => AttributeArguments.LocationOf(Attribute, property, fallback, cancellationToken);

        private static DeclaredValue<int> ReadBackoff(AttributeData attribute)
        {
            var value = AttributeArguments.Named(attribute, "Backoff");
            return value != null && value.Value.Kind == TypedConstantKind.Enum && value.Value.Value is int raw
                ? new DeclaredValue<int>("Backoff", raw, true)
                : new DeclaredValue<int>("Backoff", PolicyDefaults.Backoff, false);
        }

        private static string? MemberName(INamedTypeSymbol? enumType, int value)
        {
            if (enumType == null)
            {
                return null;
            }

            foreach (var member in enumType.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field && field.ConstantValue is int constant && constant == value)
                {
                    return field.Name;
                }
            }

            return null;
        }

        private static HookDeclaration? Hook(AttributeData attribute, string property, System.Func<string, HookLookup.Result> lookup)
        {
            var name = AttributeArguments.String(attribute, property);
            return name == null ? null : new HookDeclaration(attribute, property, name, () => lookup(name));
        }
    }
}
