using System.Text;

namespace Perovspice.Netlist.Syntax;

/// <summary>
/// The line-oriented lexical layer: splits files into physical lines, takes the title, removes
/// comments, joins <c>+</c> continuations into <see cref="LogicalLine"/>s, skips <c>.control</c>
/// blocks and unsupported output statements (with a warning), expands <c>.include</c> textually and
/// stops at <c>.end</c>.
/// </summary>
internal sealed class LineReader
{
    private const int MaxIncludeDepth = 32;

    private static readonly HashSet<string> SkippedStatements = new(StringComparer.Ordinal)
        { ".save", ".probe", ".width", ".plot" };

    private readonly DiagnosticBag _diags;
    private readonly List<LogicalLine> _lines = new();
    private readonly Stack<string> _activeFiles = new();
    private readonly Func<string, string> _readFile;
    private int _fileCount;

    public LineReader(DiagnosticBag diags, Func<string, string> readFile)
    {
        _diags = diags;
        _readFile = readFile;
    }

    public string Title { get; private set; } = "";
    public IReadOnlyList<LogicalLine> Lines => _lines;

    /// <summary>Reads the top file: its first line is the title.</summary>
    public void ReadTop(string text, string file)
    {
        _activeFiles.Push(SafeFullPath(file));
        ReadFile(text, file, hasTitle: true, depth: 0);
        _activeFiles.Pop();
    }

    private static string SafeFullPath(string path)
    {
        try { return Path.GetFullPath(path); } catch { return path; }
    }

    /// <summary>Returns false when reading must stop (<c>.end</c> in the top file or too many errors).</summary>
    private bool ReadFile(string text, string file, bool hasTitle, int depth)
    {
        int ordinal = _fileCount++;
        var pending = new PendingLine(file, ordinal);
        int controlStartLine = 0;
        SourcePosition? controlPos = null;
        int lineNo = 0;
        int pos = 0;
        if (text.Length > 0 && text[0] == '\uFEFF') pos = 1;
        while (pos <= text.Length)
        {
            if (_diags.TooMany) return false;
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            int next = nl < 0 ? text.Length + 1 : nl + 1;
            if (nl < 0 && pos == text.Length && lineNo > 0) break;
            lineNo++;
            int lineEnd = end > pos && text[end - 1] == '\r' ? end - 1 : end;
            string line = text.Substring(pos, lineEnd - pos);
            pos = next;

            if (hasTitle && lineNo == 1)
            {
                Title = line.Trim();
                continue;
            }
            if (controlPos is not null)
            {
                if (FirstWord(line, SkipBlank(line, 0)) == ".endc")
                {
                    _diags.Warning(controlPos, $"'.control' block skipped (lines {controlStartLine}-{lineNo})");
                    controlPos = null;
                }
                continue;
            }
            int bad = FindControlChar(line);
            if (bad >= 0)
            {
                _diags.Error(P(file, ordinal, lineNo, bad + 1),
                    $"unexpected control character U+{(int)line[bad]:X4}; this does not look like a netlist line");
                int first = SkipBlank(line, 0);
                if (first < line.Length && line[first] != '+' && !Flush(pending, depth)) return false;
                pending.Poison();
                continue;
            }
            int len = StripComment(line);
            int start = SkipBlank(line, 0);
            if (start >= len) continue;                       // blank or comment line
            if (line[start] == '*') continue;                 // comment line
            if (line[start] == '+')
            {
                if (!pending.Append(line.Substring(start + 1, len - start - 1), lineNo, start + 2))
                    _diags.Error(P(file, ordinal, lineNo, start + 1), "continuation line '+' without a preceding statement");
                continue;
            }
            if (!Flush(pending, depth)) return false;
            string word = FirstWord(line, start);
            if (word == ".control")
            {
                controlPos = P(file, ordinal, lineNo, start + 1);
                controlStartLine = lineNo;
                continue;
            }
            if (word == ".end") return depth > 0;             // .end in an include ends that file only
            pending.Start(line.Substring(start, len - start), lineNo, start + 1);
        }
        if (controlPos is not null)
            _diags.Warning(controlPos, $"'.control' block without '.endc' skipped (lines {controlStartLine}-{lineNo})");
        return Flush(pending, depth);
    }

    private static SourcePosition P(string file, int ordinal, int line, int col) =>
        new(file, line, col) { FileOrdinal = ordinal };

    private bool Flush(PendingLine pending, int depth)
    {
        var logical = pending.Take();
        if (logical is null) return true;
        string word = FirstWord(logical.Lower, 0);
        if (word is ".include" or ".inc")
            return Include(logical, word.Length, depth);
        if (SkippedStatements.Contains(word))
        {
            _diags.Warning(logical.At(0), $"'{word}' is not supported; statement on line {logical.FirstLine} skipped");
            return true;
        }
        if (word == ".endc")
        {
            _diags.Warning(logical.At(0), $"'.endc' without '.control' on line {logical.FirstLine} skipped");
            return true;
        }
        _lines.Add(logical);
        return true;
    }

    private bool Include(LogicalLine line, int keywordLength, int depth)
    {
        string text = line.Text;
        int i = SkipBlank(text, keywordLength);
        if (i >= text.Length)
        {
            _diags.Error(line.At(i), "expected a file name after '.include'");
            return true;
        }
        string name;
        if (text[i] is '"' or '\'')
        {
            int close = text.IndexOf(text[i], i + 1);
            if (close < 0)
            {
                _diags.Error(line.At(text.Length), $"expected a closing {text[i]} after the file name");
                return true;
            }
            name = text.Substring(i + 1, close - i - 1);
            if (SkipBlank(text, close + 1) < text.Length)
                _diags.Error(line.At(SkipBlank(text, close + 1)), "unexpected text after the file name of '.include'");
        }
        else
        {
            int e = i;
            while (e < text.Length && !char.IsWhiteSpace(text[e])) e++;
            name = text.Substring(i, e - i);
        }
        var at = line.At(i);
        if (name.Length == 0)
        {
            _diags.Error(at, "expected a file name after '.include'");
            return true;
        }
        string display;
        try
        {
            string dir = Path.GetDirectoryName(line.File) ?? "";
            display = Path.IsPathRooted(name) ? name : Path.Combine(dir, name);
        }
        catch (ArgumentException)
        {
            _diags.Error(at, $"invalid include file name '{name}'");
            return true;
        }
        string full = SafeFullPath(display);
        if (_activeFiles.Contains(full))
        {
            _diags.Error(at, $"include cycle: '{display}' is already being read");
            return true;
        }
        if (depth + 1 > MaxIncludeDepth)
        {
            _diags.Error(at, $"includes nested more than {MaxIncludeDepth} deep");
            return true;
        }
        string content;
        try { content = _readFile(display); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            _diags.Error(at, $"cannot read include file '{display}': {ex.Message}");
            return true;
        }
        _activeFiles.Push(full);
        bool go = ReadFile(content, display, hasTitle: false, depth + 1);
        _activeFiles.Pop();
        return go;
    }

    /// <summary>Index of the first character that ends the line's content (comment start or end).</summary>
    internal static int StripComment(string line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == ';') return i;
            if (c == '$' && (i + 1 == line.Length || line[i + 1] is ' ' or '\t')) return i;
        }
        return line.Length;
    }

    private static int FindControlChar(string line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if ((c < ' ' && c != '\t' && c != '\f' && c != '\v') || c == '\u007f') return i;
        }
        return -1;
    }

    internal static int SkipBlank(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        return i;
    }

    /// <summary>The lower-case word starting at <paramref name="start"/> (up to blank, '(' or '=').</summary>
    internal static string FirstWord(string s, int start)
    {
        int e = start;
        while (e < s.Length && !char.IsWhiteSpace(s[e]) && s[e] != '(' && s[e] != '=') e++;
        return s.Substring(start, e - start).ToLowerInvariant();
    }

    /// <summary>Accumulates the physical segments of one logical line.</summary>
    private sealed class PendingLine
    {
        private readonly string _file;
        private readonly int _ordinal;
        private readonly List<(string text, int line, int col)> _segs = new();
        private bool _poisoned;

        public PendingLine(string file, int ordinal) { _file = file; _ordinal = ordinal; }

        public void Start(string text, int line, int col)
        {
            _segs.Clear();
            _poisoned = false;
            _segs.Add((text, line, col));
        }

        /// <summary>A bad physical line: drop the statement and its continuations.</summary>
        public void Poison()
        {
            _segs.Clear();
            _poisoned = true;
        }

        public bool Append(string text, int line, int col)
        {
            if (_poisoned) return true;
            if (_segs.Count == 0) return false;
            _segs.Add((text, line, col));
            return true;
        }

        public LogicalLine? Take()
        {
            _poisoned = false;
            if (_segs.Count == 0) return null;
            var starts = new int[_segs.Count];
            var lines = new int[_segs.Count];
            var cols = new int[_segs.Count];
            string text;
            if (_segs.Count == 1)
            {
                text = _segs[0].text;
                lines[0] = _segs[0].line; cols[0] = _segs[0].col;
            }
            else
            {
                var sb = new StringBuilder();
                for (int k = 0; k < _segs.Count; k++)
                {
                    if (k > 0) sb.Append(' ');
                    starts[k] = sb.Length;
                    lines[k] = _segs[k].line; cols[k] = _segs[k].col;
                    sb.Append(_segs[k].text);
                }
                text = sb.ToString();
            }
            _segs.Clear();
            return new LogicalLine(text, _file, _ordinal, starts, lines, cols);
        }
    }
}
