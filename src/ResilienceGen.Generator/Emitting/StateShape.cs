using System.Collections.Generic;
using ResilienceGen.Generator.Model;

namespace ResilienceGen.Generator.Emitting
{
    /// <summary>
    /// The state the static lambdas receive: <c>this</c> (instance methods) then every parameter, as a value tuple,
    /// the single value itself, or <c>(object?)null</c> when there is nothing; and how the lambdas read it back.
    /// </summary>
    internal sealed class StateShape
    {
        private readonly string _stateName;
        private readonly int _count;
        private readonly int _parameterOffset;

        public StateShape(MethodModel method, string stateName)
        {
            _stateName = stateName;
            _parameterOffset = method.IsStatic ? 0 : 1;
            _count = _parameterOffset + method.Parameters.Count;

            var elements = new List<string>();
            if (!method.IsStatic)
            {
                elements.Add("this");
            }

            foreach (ParameterModel parameter in method.Parameters)
            {
                elements.Add(parameter.Name);
            }

            Expression = elements.Count switch
            {
                0 => "(object?)null",
                1 => elements[0],
                _ => "(" + string.Join(", ", elements) + ")",
            };
        }

        /// <summary>The argument passed as <c>state</c>.</summary>
        public string Expression { get; }

        /// <summary>Inside a lambda: the instance (only for instance methods).</summary>
        public string Instance => Element(0);

        /// <summary>Inside a lambda: the method's parameter at <paramref name="index"/>.</summary>
        public string Parameter(int index) => Element(_parameterOffset + index);

        private string Element(int position) => _count == 1 ? _stateName : _stateName + ".Item" + (position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
