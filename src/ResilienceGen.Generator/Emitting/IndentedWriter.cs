using System.Text;

namespace ResilienceGen.Generator.Emitting
{
    /// <summary>Writes lines of C# at the current indentation (four spaces a level), with braces that open and close levels.</summary>
    internal sealed class IndentedWriter
    {
        private const string IndentUnit = "    ";
        private readonly StringBuilder _text;
        private int _level;

        /// <param name="capacity">The expected length: a file is written once, so growing the buffer is pure overhead.</param>
        public IndentedWriter(int capacity = 1024)
        {
            _text = new StringBuilder(capacity);
        }

        public void Line(string line)
        {
            // One Append of the whole indentation rather than one per level.
            _text.Append(' ', _level * IndentUnit.Length).Append(line).Append('\n');
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
