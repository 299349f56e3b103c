using System.Collections.Generic;
using ResilienceGen.Generator.Model;

namespace ResilienceGen.Generator.Emitting
{
    /// <summary>
    /// The <c>__</c>-prefixed names the generated code introduces, made unique against every name the user's
    /// method brings into scope (parameters, type parameters), so nothing can shadow or clash.
    /// </summary>
    internal sealed class GeneratedNames
    {
        private GeneratedNames(string descriptorField, string state, string exception, string attempt, string delay, string first, string instance, string token)
        {
            Token = token;
            Instance = instance;
            First = first;
            DescriptorField = descriptorField;
            State = state;
            Exception = exception;
            Attempt = attempt;
            Delay = delay;
        }

        /// <summary>The static readonly ResilientMethod field.</summary>
        public string DescriptorField { get; }

        /// <summary>The state parameter of the static lambdas.</summary>
        public string State { get; }

        /// <summary>The exception parameter of the filter and hook lambdas.</summary>
        public string Exception { get; }

        /// <summary>The attempt-number parameter of the onRetry lambda.</summary>
        public string Attempt { get; }

        /// <summary>The delay parameter of the onRetry lambda.</summary>
        public string Delay { get; }

        /// <summary>The state tuple's element that holds <c>this</c> (instance methods).</summary>
        public string Instance { get; }

        /// <summary>The attempt's token of a [WithTimeout] method: the fast path's out local and the body lambda's parameter.</summary>
        public string Token { get; }

        /// <summary>The fast path's FirstAttempt local.</summary>
        public string First { get; }

        /// <summary>The copy of the parameter a keyed breaker's key is read from (KeyBy).</summary>
        public string Key { get; private set; } = string.Empty;

        /// <param name="overloadIndex">0 for the first method of this name in the type, 1, 2... for further overloads.</param>
        public static GeneratedNames For(MethodModel method, int overloadIndex)
        {
            var taken = new HashSet<string>();
            foreach (ParameterModel parameter in method.Parameters)
            {
                taken.Add(parameter.Name.TrimStart('@'));
            }

            foreach (string typeParameter in method.TypeParameters)
            {
                taken.Add(typeParameter.TrimStart('@'));
            }

            foreach (ContainingTypeModel type in method.Type.Types)
            {
                AddTypeParameters(type.NameWithTypeParameters, taken);
            }

            string baseName = method.Name.TrimStart('@');
            string field = Unique("__" + baseName + "_Resilience" + (overloadIndex == 0 ? string.Empty : Literals.Int(overloadIndex + 1)), taken);
            taken.Add(field);
            string state = Unique("__s", taken);
            taken.Add(state);
            string exception = Unique("__e", taken);
            taken.Add(exception);
            string attempt = Unique("__attempt", taken);
            taken.Add(attempt);
            string delay = Unique("__delay", taken);
            taken.Add(delay);
            string first = Unique("__first", taken);
            taken.Add(first);
            string instance = Unique("__this", taken);
            taken.Add(instance);
            string token = Unique("__token", taken);
            taken.Add(token);
            return new GeneratedNames(field, state, exception, attempt, delay, first, instance, token) { Key = Unique("__key", taken) };
        }

        private static string Unique(string name, HashSet<string> taken)
        {
            string candidate = name;
            while (taken.Contains(candidate))
            {
                candidate += "_";
            }

            return candidate;
        }

        private static void AddTypeParameters(string nameWithTypeParameters, HashSet<string> taken)
        {
            int open = nameWithTypeParameters.IndexOf('<');
            if (open < 0)
            {
                return;
            }

            string list = nameWithTypeParameters.Substring(open + 1, nameWithTypeParameters.Length - open - 2);
            foreach (string typeParameter in list.Split(','))
            {
                taken.Add(typeParameter.Trim().TrimStart('@'));
            }
        }
    }
}
