using System.Text;

namespace ResilienceGen.Generator.Emitting
{
    /// <summary>Writes lines of C# at the current indentation (four spaces a level), with braces that open and close levels.</summary>
    internal sealed class IndentedWriter
    {
        private const string IndentUnit = "    ";
        private readonly StringBuilder _text = new StringBuilder();
        private int _level;

        public void Line(string line)
        {
            for (int i = 0; i < _level; i++)
            {
                _text.Append(IndentUnit);
            }

            _text.Append(line).Append('\n');
        }

        public void BlankLine() => _text.Append('\n');

        public void OpenBrace()
        {
            Line("{");
            _level++;
        }

        public void CloseBrace(string suffix = "")
        {
            _level--;
            Line("}" + suffix);
        }

        public void Indent() => _level++;

        public void Unindent() => _level--;

        public override string ToString() => _text.ToString();
    }
}
