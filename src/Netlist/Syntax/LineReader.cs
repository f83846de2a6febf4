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

    /// <summary>Analyses ngspice runs that perovspice does not: the statement is skipped with a warning so the
    /// netlist's other analyses still run.</summary>
    private static readonly HashSet<string> SkippedAnalyses = new(StringComparer.Ordinal)
        { ".sens", ".disto" };

    /// <summary><c>.print KIND</c> kinds whose results perovspice reports elsewhere (pz, tf) or does not compute
    /// (disto, sens): the <c>.print</c> is skipped with a warning.</summary>
    private static readonly HashSet<string> SkippedPrintKinds = new(StringComparer.Ordinal)
        { "pz", "tf", "disto", "sens" };

    /// <summary><c>.meas KIND</c> kinds ngspice 39 does not measure either (it reports "unrecognized analysis type"
    /// and goes on): the <c>.meas</c> is skipped with a warning.</summary>
    private static readonly HashSet<string> SkippedMeasureKinds = new(StringComparer.Ordinal)
        { "op", "noise", "sp", "tf", "pz", "disto" };

    /// <summary><c>.meas KIND name param expr</c> without <c>=</c>.</summary>
    private static readonly System.Text.RegularExpressions.Regex ParamWithoutEquals =
        new(@"^\.meas(ure)?\s+\S+\s+\S+\s+param(\s+[^=\s]|\s*$)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

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

    /// <summary>Returns false when reading must stop (<c>.end</c> in the top file or too many errors). With
    /// <paramref name="section"/> (<c>.lib file section</c>) only the lines of that <c>.lib section</c> ... <c>.endl</c>
    /// block are read; otherwise every <c>.lib name</c> block is skipped (it is a library definition).</summary>
    private bool ReadFile(string text, string file, bool hasTitle, int depth, string? section = null)
    {
        int ordinal = _fileCount++;
        var pending = new PendingLine(file, ordinal);
        int controlStartLine = 0;
        SourcePosition? controlPos = null;
        var skippedCommands = new List<string>();
        string? libBlock = null;          // the open .lib block's name
        SourcePosition? libPos = null;
        bool libEmit = false;             // the open block is the requested section
        int lineNo = 0;
        int pos = 0;
        if (text.Length > 0 && text[0] == '\uFEFF') pos = 1;
        string? controlLine = null;        // the .control command read last, with its '+' continuation lines
        int controlLineNo = 0;
        void ControlCommand()
        {
            if (controlLine is null) return;
            string line = controlLine;
            controlLine = null;
            int cs = SkipBlank(line, 0);
            string cw = FirstWord(line, cs);
            if (ControlVariable(line, cs, cw)) { }
            else if (ControlAnalysis(line, cs, cw, file, ordinal, controlLineNo) is false && cw.Length > 0 && cw[0] is not ('*' or '#'))
                skippedCommands.Add(cw);
        }
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
                int cs = SkipBlank(line, 0);
                if (cs < line.Length && line[cs] == '+')
                {
                    // a continuation line joins the command above, as ngspice joins them before running the block
                    if (controlLine is not null) controlLine += " " + line.Substring(cs + 1);
                    continue;
                }
                ControlCommand();
                string cw = FirstWord(line, cs);
                if (cw == ".endc")
                {
                    if (skippedCommands.Count > 0)
                        _diags.Warning(controlPos, $"'.control' block (lines {controlStartLine}-{lineNo}): commands not supported, skipped: " +
                            string.Join(", ", skippedCommands.Distinct()));
                    controlPos = null;
                }
                else { controlLine = line; controlLineNo = lineNo; }
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
            if (line[start] != '+')
            {
                string lw = FirstWord(line, start);
                if (lw is ".lib" or ".endl")
                {
                    if (!Flush(pending, depth)) return false;
                    var at = P(file, ordinal, lineNo, start + 1);
                    var args = SplitArgs(line.Substring(start + lw.Length, len - start - lw.Length));
                    if (lw == ".endl")
                    {
                        if (libBlock is null) _diags.Error(at, "'.endl' without '.lib'");
                        else if (args.Count > 0 && !string.Equals(args[0], libBlock, StringComparison.OrdinalIgnoreCase))
                            _diags.Error(at, $"'.endl {args[0]}' does not match '.lib {libBlock}'");
                        if (libEmit) _sectionFound = true;
                        libBlock = null; libEmit = false;
                        continue;
                    }
                    if (args.Count == 1)
                    {
                        if (libBlock is not null) { _diags.Error(at, $"'.lib {args[0]}' inside '.lib {libBlock}' (missing '.endl'?)"); continue; }
                        libBlock = args[0]; libPos = at;
                        libEmit = section is not null && string.Equals(args[0], section, StringComparison.OrdinalIgnoreCase);
                        continue;
                    }
                    if (args.Count != 2) { _diags.Error(at, "expected '.lib file section' or '.lib section'"); continue; }
                    bool reading = section is null ? libBlock is null : libEmit;
                    if (reading && !IncludeSection(args[0], args[1], at, file, depth)) return false;
                    continue;
                }
            }
            if (section is null ? libBlock is not null : !libEmit) continue;   // outside the wanted part of a library
            if (line[start] == ')' && SkipBlank(line, start + 1) >= len)
            {
                // a lone ')' closing 'PWL(' of the lines above (as real netlists write tables): ngspice 39 comments
                // the line out (warning) and accepts the unclosed '('; taking it as a continuation reads the same
                if (pending.HasOpenParenthesis) pending.Append(")", lineNo, start + 1);
                else _diags.Warning(P(file, ordinal, lineNo, start + 1), $"a line holding only ')' is not a statement; line {lineNo} skipped (as ngspice 39)");
                continue;
            }
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
        ControlCommand();
        if (controlPos is not null)
            _diags.Warning(controlPos, $"'.control' block without '.endc' (lines {controlStartLine}-{lineNo})" +
                (skippedCommands.Count > 0 ? ": commands not supported, skipped: " + string.Join(", ", skippedCommands.Distinct()) : ""));
        if (libBlock is not null) _diags.Error(libPos!, $"missing '.endl' for '.lib {libBlock}'");
        return Flush(pending, depth);
    }

    /// <summary>Analyses written as commands inside <c>.control</c> (<c>op tran ac dc tf pz</c>), as
    /// dot statements (<c>tran 1u 1m</c> becomes <c>.tran 1u 1m</c>, positions kept). Used when the netlist has
    /// no dot analysis.</summary>
    public IReadOnlyList<LogicalLine> ControlAnalyses => _substituted ??= _controlAnalyses.Select(SubstituteControlVariables).ToList();

    // the analyses with control variables substituted, made once (read after the whole netlist is)
    private List<LogicalLine>? _substituted;

    // Control-language values known to the analysis commands: `let`/`set` in the .control block and `.csparam`, as
    // expression text (netlist parameters may appear in them; the analysis statement evaluates them).
    private readonly Dictionary<string, string> _controlVars = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _csparams = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>`let name = expr` or `set name = value` in a .control block: recorded for `$&amp;name` / `$name`.</summary>
    private bool ControlVariable(string line, int start, string word)
    {
        if (word is not ("let" or "set")) return false;
        int len = StripComment(line);
        var m = System.Text.RegularExpressions.Regex.Match(line.Substring(start + word.Length, Math.Max(0, len - start - word.Length)),
            @"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+?)\s*$");
        if (!m.Success) return false;
        _controlVars[m.Groups[1].Value] = Unquote(m.Groups[2].Value);
        return true;
    }

    private void RecordCsparam(string rest)
    {
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(rest,
                     @"([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\{[^}]*\}|'[^']*'|[^\s,]+)"))
            _csparams[m.Groups[1].Value] = Unquote(m.Groups[2].Value);
    }

    private static string Unquote(string v)
    {
        v = v.Trim();
        if (v.Length >= 2 && ((v[0] == '{' && v[^1] == '}') || (v[0] == '\'' && v[^1] == '\'') || (v[0] == '"' && v[^1] == '"')))
            v = v[1..^1];
        return v;
    }

    /// <summary>
    /// Replaces `$&amp;name` and `$name` in an analysis command by <c>{(expression)}</c>, the expression of the
    /// control variable or `.csparam` of that name with the names of other control variables inside it expanded
    /// (ngspice's vector and variable substitution, for scalars). Unknown names are left for the parser to report.
    /// </summary>
    private LogicalLine SubstituteControlVariables(LogicalLine line)
    {
        if (!line.Text.Contains('$')) return line;
        string text = System.Text.RegularExpressions.Regex.Replace(line.Text, @"\$&?([A-Za-z_][A-Za-z0-9_]*)",
            m => Expand(m.Groups[1].Value, 0) is { } e ? "{(" + e + ")}" : m.Value);
        return line.WithText(text);
    }

    private string? Expand(string name, int depth)
    {
        if (depth > 16) return null;
        string? expr = _controlVars.TryGetValue(name, out var v) ? v : _csparams.TryGetValue(name, out var c) ? c : null;
        if (expr is null) return null;
        return System.Text.RegularExpressions.Regex.Replace(expr, @"(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_]*)(?![A-Za-z0-9_(])",
            m => !string.Equals(m.Value, name, StringComparison.OrdinalIgnoreCase) && _controlVars.ContainsKey(m.Value)
                    && Expand(m.Value, depth + 1) is { } e ? "(" + e + ")" : m.Value);
    }

    private readonly List<LogicalLine> _controlAnalyses = new();
    private bool _sectionFound;

    private static readonly HashSet<string> ControlAnalysisCommands = new(StringComparer.Ordinal) { "op", "tran", "ac", "dc", "tf", "pz", "noise" };

    /// <summary>Records an analysis command of a <c>.control</c> block; false for any other command.</summary>
    private bool ControlAnalysis(string line, int start, string word, string file, int ordinal, int lineNo)
    {
        if (!ControlAnalysisCommands.Contains(word)) return false;
        int len = StripComment(line);
        if (FindControlChar(line) >= 0 || len <= start) return false;
        // "." + the command: offset k+1 of the text is column start+1+k of the line
        string text = "." + line.Substring(start, len - start);
        var analysis = new LogicalLine(text, file, ordinal, new[] { 0 }, new[] { lineNo }, new[] { start });
        _controlAnalyses.Add(word == "tran" ? DropTranMaxstep(analysis) : analysis);
        _substituted = null;
        return true;
    }

    /// <summary>Blank-separated arguments; quotes group (and are removed).</summary>
    private static List<string> SplitArgs(string s)
    {
        var list = new List<string>();
        int i = 0;
        while (true)
        {
            i = SkipBlank(s, i);
            if (i >= s.Length) return list;
            if (s[i] is '"' or '\'')
            {
                int close = s.IndexOf(s[i], i + 1);
                if (close < 0) close = s.Length;
                list.Add(s.Substring(i + 1, close - i - 1));
                i = close + 1;
                continue;
            }
            int e = i;
            while (e < s.Length && !char.IsWhiteSpace(s[e])) e++;
            list.Add(s.Substring(i, e - i));
            i = e;
        }
    }

    /// <summary><c>.lib file section</c>: reads only that section of the file.</summary>
    private bool IncludeSection(string name, string section, SourcePosition at, string currentFile, int depth)
    {
        if (ResolveInclude(name, at, currentFile, depth, "#" + section.ToLowerInvariant(), out string display, out string key, out string? content) is false)
            return true;
        _activeFiles.Push(key);
        bool saved = _sectionFound;
        _sectionFound = false;
        bool go = ReadFile(content!, display, hasTitle: false, depth + 1, section);
        if (!_sectionFound) _diags.Error(at, $"library section '{section}' not found in '{display}' (expected '.lib {section}' ... '.endl')");
        _sectionFound = saved;
        _activeFiles.Pop();
        return go;
    }

    /// <summary>Resolves and reads an included file (relative to the including file); reports and returns false
    /// on a cycle, too deep nesting or a read error.</summary>
    private bool ResolveInclude(string name, SourcePosition at, string currentFile, int depth, string keySuffix,
        out string display, out string key, out string? content)
    {
        display = name; key = ""; content = null;
        if (name.Length == 0)
        {
            _diags.Error(at, "expected a file name");
            return false;
        }
        try
        {
            string dir = Path.GetDirectoryName(currentFile) ?? "";
            display = Path.IsPathRooted(name) ? name : Path.Combine(dir, name);
        }
        catch (ArgumentException)
        {
            _diags.Error(at, $"invalid file name '{name}'");
            return false;
        }
        key = SafeFullPath(display) + keySuffix;
        if (_activeFiles.Contains(key))
        {
            _diags.Error(at, $"include cycle: '{display}'{(keySuffix.Length > 0 ? $" section '{keySuffix[1..]}'" : "")} is already being read");
            return false;
        }
        if (depth + 1 > MaxIncludeDepth)
        {
            _diags.Error(at, $"includes nested more than {MaxIncludeDepth} deep");
            return false;
        }
        try { content = _readFile(display); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            _diags.Error(at, $"cannot read file '{display}': {ex.Message}");
            return false;
        }
        return true;
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
        if (word == ".csparam")
        {
            // ngspice 39: .csparam only makes control-language vectors; the netlist does not see the name
            // (checked: a netlist use is 'Undefined parameter'), and '.csparam s={s}' is no cycle there
            _diags.Warning(logical.At(0), $"'.csparam' only sets control-language vectors (not netlist parameters): used only by " +
                $"'$&name' in the analysis commands of a .control block; line {logical.FirstLine}");
            RecordCsparam(logical.Text.Substring(word.Length));
            return true;
        }
        if (word == ".endc")
        {
            _diags.Warning(logical.At(0), $"'.endc' without '.control' on line {logical.FirstLine} skipped");
            return true;
        }
        if (word == ".title")
        {
            // ngspice: '.title text' replaces the title (the first line)
            Title = logical.Text[Math.Min(logical.Text.Length, SkipBlank(logical.Text, word.Length))..].TrimEnd();
            return true;
        }
        if (SkippedAnalyses.Contains(word))
        {
            _diags.Warning(logical.At(0), $"'{word}' analysis is not supported; statement on line {logical.FirstLine} skipped");
            return true;
        }
        if (word is ".meas" or ".measure")
        {
            string kind = FirstWord(logical.Lower, SkipBlank(logical.Lower, word.Length));
            if (SkippedMeasureKinds.Contains(kind))
            {
                _diags.Warning(logical.At(0), $"'{word} {kind}' is not supported (ngspice 39 does not measure it either); statement on line {logical.FirstLine} skipped");
                return true;
            }
            if (ParamWithoutEquals.IsMatch(logical.Lower))
            {
                // ngspice 39 reports such a measure as failed and runs the rest
                _diags.Warning(logical.At(0), $"'{word} … param' needs '=' (param='expression'); measure on line {logical.FirstLine} skipped");
                return true;
            }
        }
        if (word == ".tran") logical = DropTranMaxstep(logical);
        if (word == ".print")
        {
            string kind = FirstWord(logical.Lower, SkipBlank(logical.Lower, word.Length));
            if (SkippedPrintKinds.Contains(kind))
            {
                _diags.Warning(logical.At(0), $"'.print {kind}' is not supported; statement on line {logical.FirstLine} skipped");
                return true;
            }
        }
        _lines.Add(logical);
        return true;
    }

    private static readonly System.Text.RegularExpressions.Regex TranMaxstep =
        new(@"\smaxstep\s*=\s*[^\s]+", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>'maxstep=' is no ngspice 39 '.tran' keyword, and ngspice ignores it without a word (checked: the
    /// output step stays tstep); it is blanked out here, with a warning.</summary>
    private LogicalLine DropTranMaxstep(LogicalLine line)
    {
        var m = TranMaxstep.Match(line.Lower);
        if (!m.Success) return line;
        _diags.Warning(line.At(m.Index + 1), "'maxstep=' on '.tran' is ignored, as ngspice 39 does (the maximum step is the 4th value: .tran tstep tstop tstart tmax)");
        return line.Blanked(m.Index, m.Length);
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

        /// <summary>'(' not yet closed by ')' in the statement so far (quotes and braces not considered).</summary>
        public bool HasOpenParenthesis
        {
            get
            {
                int depth = 0;
                foreach (var (text, _, _) in _segs)
                    foreach (char ch in text)
                        depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
                return depth > 0;
            }
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
