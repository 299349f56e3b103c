using System.Collections.Generic;
using ResilienceGen.Generator.Model;

namespace ResilienceGen.Generator.Emitting
{
    /// <summary>
    /// The state the static lambdas receive: <c>this</c> (instance methods) then every parameter, as a value tuple
    /// whose elements are named after the parameters (where C# allows the name), the single value itself, or
    /// <c>(object?)null</c> when there is nothing; and how the lambdas read it back.
    /// </summary>
    internal sealed class StateShape
    {
        // Names a tuple element may not have at any position (members of ValueTuple); ItemN only at position N.
        private static readonly HashSet<string> ReservedElementNames = new HashSet<string>
        {
            "CompareTo", "Deconstruct", "Equals", "GetHashCode", "GetType", "Rest", "ToString", "ToTuple",
        };

        private readonly string _stateName;
        private readonly List<string> _elementNames = new List<string>();
        private readonly int _parameterOffset;

        public StateShape(MethodModel method, GeneratedNames names)
        {
            _stateName = names.State;
            _parameterOffset = method.IsStatic ? 0 : 1;

            var elements = new List<string>();
            if (!method.IsStatic)
            {
                elements.Add(names.Instance + ": this");
                _elementNames.Add(names.Instance);
            }

            foreach (ParameterModel parameter in method.Parameters)
            {
                int position = elements.Count + 1;
                if (CanName(parameter.Name, position))
                {
                    elements.Add(parameter.Name); // the element takes the parameter's name (tuple name inference)
                    _elementNames.Add(parameter.Name);
                }
                else
                {
                    elements.Add(parameter.Name);
                    _elementNames.Add("Item" + position.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            Expression = elements.Count switch
            {
                0 => "(object?)null",
                1 => method.IsStatic ? elements[0] : "this",
                _ => "(" + string.Join(", ", elements) + ")",
            };
        }

        /// <summary>The argument passed as <c>state</c>.</summary>
        public string Expression { get; }

        /// <summary>Inside a lambda: the instance (only for instance methods).</summary>
        public string Instance => Element(0);

        /// <summary>Inside a lambda: the method's parameter at <paramref name="index"/>.</summary>
        public string Parameter(int index) => Element(_parameterOffset + index);

        private string Element(int position) => _elementNames.Count == 1 ? _stateName : _stateName + "." + _elementNames[position];

        private static bool CanName(string name, int position)
        {
            string bare = name.TrimStart('@');
            if (ReservedElementNames.Contains(bare))
            {
                return false;
            }

            // ItemN is allowed only at position N; inference would silently drop it elsewhere.
            bool isItemName = bare.Length > 4 && bare.StartsWith("Item", System.StringComparison.Ordinal) && IsDigits(bare.Substring(4));
            return !isItemName || bare == "Item" + position.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        private static bool IsDigits(string text)
        {
            foreach (char c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
