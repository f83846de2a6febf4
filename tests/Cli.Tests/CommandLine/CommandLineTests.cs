using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary>The command line on System.CommandLine: usage errors (exit 64, message on stderr), --help of every verb,
/// tab completion (the [suggest] directive and the bash script).</summary>
public class CommandLineTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Repo.RunCaptured(args);

    [Theory]
    [InlineData("missing command")]
    [InlineData("unknown command 'frobnicate'", "frobnicate", "x.cir")]
    [InlineData("unknown command 'x'", "--version", "x")]
    [InlineData("unknown option '--bogus'", "--bogus")]
    [InlineData("'run' needs a netlist file", "run")]
    [InlineData("'check' needs a netlist file", "check")]
    [InlineData("unexpected argument 'b.cir'", "run", "a.cir", "b.cir")]
    [InlineData("unknown option '--bogus'", "run", "a.cir", "--bogus")]
    [InlineData("unknown option '--plot'", "check", "a.cir", "--plot")]
    [InlineData("unknown option '-o'", "check", "a.cir", "-o", "d")]
    [InlineData("unknown format 'xml' (csv or raw)", "run", "a.cir", "--format", "xml")]
    [InlineData("-o needs a directory", "run", "a.cir", "-o")]
    [InlineData("--format needs csv or raw", "run", "a.cir", "--format")]
    [InlineData("--max-points needs a number", "run", "a.cir", "--max-points")]
    [InlineData("--max-steps needs a number of at least 1, found '0'", "check", "a.cir", "--max-steps", "0")]
    [InlineData("--max-values needs a number of at least 1, found 'lots'", "run", "a.cir", "--max-values", "lots")]
    [InlineData("--shard needs K/N", "run", "a.cir", "--shard")]
    [InlineData("--shard given twice", "run", "a.cir", "--shard", "1/2", "--shard", "2/2")]
    [InlineData("'fit' needs at least one --data FILE.csv", "fit", "x.cir")]
    [InlineData("--seed needs a whole number", "fit", "x.cir", "--seed", "x")]
    [InlineData("--max-iter needs a whole number >= 1", "fit", "x.cir", "--max-iter", "0")]
    [InlineData("--vary r given twice", "fit", "x.cir", "--data", "d.csv", "--vary", "r=1..2", "--vary", "r=2..3")]
    [InlineData("'merge' needs the shard directories", "merge")]
    [InlineData("unknown option '--plot'", "merge", "s1", "--plot")]
    [InlineData("'slurm' needs a netlist file", "slurm")]
    [InlineData("'slurm' needs --tasks N", "slurm", "x.cir")]
    [InlineData("'slurm' needs -o DIR", "slurm", "x.cir", "--tasks", "2")]
    [InlineData("--tasks needs a whole number of at least 1", "slurm", "x.cir", "--tasks", "0")]
    [InlineData("--time needs a Slurm time limit such as 01:30:00", "slurm", "x.cir", "--time", "soon")]
    [InlineData("unexpected argument 'b'", "help", "a", "b")]
    [InlineData("no help on 'zzz'", "help", "zzz")]
    [InlineData("'completion' needs a shell: bash", "completion")]
    [InlineData("unknown shell 'fish' (bash)", "completion", "fish")]
    [InlineData("unknown option '--bogus'", "run", "--bogus", "a.cir")]
    public void UsageErrorsExit64WithTheMessageOnStderr(string message, params string[] args)
    {
        var (code, output, errors) = Run(args);
        Assert.Equal(64, code);
        Assert.Contains($"perovspice: {message}", errors);
        Assert.Equal("", output);
        Assert.DoesNotMatch(@"(?m)^\s+at \S+\(", errors);
    }

    [Fact]
    public void AnOptionGivenTwiceTakesTheLastValue()
    {
        string dir = Repo.TempDir();
        string cir = Path.Combine(dir, "a.cir");
        File.WriteAllText(cir, "t\nV1 a 0 1\nR1 a 0 1k\n.op\n.end\n");
        var (code, _, errors) = Run("run", cir, "-q", "-o", Path.Combine(dir, "first"), "-o", Path.Combine(dir, "second"), "--format", "raw", "--format", "CSV");
        Assert.True(code == 0, errors);
        Assert.True(File.Exists(Path.Combine(dir, "second", "op.csv")));
        Assert.False(Directory.Exists(Path.Combine(dir, "first")));
    }

    [Theory]
    [InlineData("@missing.cir")]   // not a response file
    [InlineData("/h")]             // not a Windows-style help option
    [InlineData("/?")]
    public void ANetlistNamedLikeAnOptionOfOtherConventionsIsANetlist(string name)
    {
        var (code, _, errors) = Run("check", name);
        Assert.Equal(1, code);
        Assert.Contains($"no such file '{name}'", errors);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("-V")]
    public void VersionPrintsTheProgramAndItsVersion(string option)
    {
        var (code, output, _) = Run(option);
        Assert.Equal(0, code);
        Assert.Matches(@"^perovspice \d+\.\d+\.\d+", output);
    }

    [Fact]
    public void HelpOfEveryVerbListsEveryOptionWithItsDescription()
    {
        var root = CommandTree.Build();
        Assert.Equal(["run", "check", "fit", "merge", "slurm", "help", "completion"], root.Subcommands.Select(c => c.Name).Take(7));
        foreach (var verb in root.Subcommands)
        {
            foreach (var flag in new[] { "--help", "-h" })
            {
                var (code, output, errors) = Run(verb.Name, flag);
                Assert.True(code == 0, errors);
                Assert.Matches($@"Usage:\s+\S+ {verb.Name}\b", output);   // the program's name: perovspice, testhost in tests
                Assert.Contains(verb.Description!, output);
                foreach (var option in verb.Options)
                {
                    Assert.False(string.IsNullOrWhiteSpace(option.Description), $"{verb.Name} {option.Name} has no description");
                    Assert.Matches($@"(?m)^\s+(-\S+, )*{System.Text.RegularExpressions.Regex.Escape(option.Name)}\b.*\S+", output);
                    Assert.Contains(option.Description!.Split(' ')[0], output);
                }
            }
        }
    }

    [Theory]
    [InlineData("run", "--output", "--format", "--plot", "--shard", "--quiet", "--max-points", "--max-values", "--max-devices", "--max-steps", "--max-file-bytes")]
    [InlineData("check", "--quiet", "--max-points", "--max-values", "--max-devices", "--max-steps", "--max-file-bytes")]
    [InlineData("fit", "--data", "--vary", "--weight", "--starts", "--seed", "--max-iter", "--output", "--plot", "--quiet")]
    [InlineData("merge", "--output", "--quiet")]
    [InlineData("slurm", "--tasks", "--partition", "--time", "--cpus", "--format", "--output", "--submit")]
    public void VerbHelpListsTheOptionsOfTheSpec(string verb, params string[] options)
    {
        var (code, output, _) = Run(verb, "--help");
        Assert.Equal(0, code);
        foreach (var o in options) Assert.Contains(o, output);
    }

    [Fact]
    public void TopLevelHelpListsVerbsModelHelpCompletionAndExitCodes()
    {
        foreach (var args in new[] { new[] { "--help" }, ["-h"], ["help"] })
        {
            var (code, output, _) = Run(args);
            Assert.Equal(0, code);
            foreach (var verb in new[] { "run", "check", "fit", "merge", "slurm", "help", "completion" }) Assert.Matches($@"(?m)^  {verb} ", output);
            Assert.Contains("--version", output);
            Assert.Contains("perovspice help MODEL-TYPE", output);
            Assert.Contains("eval \"$(perovspice completion bash)\"", output);
            Assert.Contains("64 command-line usage", output);
        }
    }

    [Fact]
    public void HelpAfterAnErrorShowsTheHelp()
    {
        var (code, output, _) = Run("run", "--bogus", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--format", output);
    }

    [Theory]
    [InlineData("ch", "check")]
    [InlineData("sl", "slurm")]
    [InlineData("run x.cir --fo", "--format")]
    [InlineData("run x.cir --max-p", "--max-points")]
    [InlineData("run x.cir --format ", "raw")]
    [InlineData("check x.cir --max-s", "--max-steps")]
    [InlineData("fit x.cir --we", "--weight")]
    [InlineData("fit x.cir --weight pro", "proportional")]
    [InlineData("slurm x.cir --sub", "--submit")]
    [InlineData("merge a b --qu", "--quiet")]
    [InlineData("help nm", "nmos")]
    [InlineData("help perov", "perovskite")]
    [InlineData("completion ", "bash")]
    public void APartialVerbOptionOrValueCompletes(string line, string expected)
    {
        var completions = CommandTree.Complete(line);
        Assert.Contains(expected, completions);
        string word = line.EndsWith(' ') ? "" : line.Split(' ')[^1];
        Assert.All(completions, c => Assert.Contains(word, c));
    }

    [Fact]
    public void APartialOptionDoesNotCompleteToAnOptionOfAnotherVerb()
    {
        Assert.DoesNotContain("--plot", CommandTree.Complete("check x.cir --p"));
        Assert.Contains("--plot", CommandTree.Complete("run x.cir --p"));
    }

    [Fact]
    public void TheSuggestDirectivePrintsTheCompletions()
    {
        var (code, output, _) = Run("[suggest:14]", "run x.cir --fo");
        Assert.Equal(0, code);
        Assert.Equal(["--format"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void CompletionBashPrintsAScriptThatUsesTheSuggestDirective()
    {
        var (code, output, _) = Run("completion", "bash");
        Assert.Equal(0, code);
        Assert.Contains("complete -o default -o bashdefault -F _perovspice_complete perovspice", output);
        Assert.Contains("[suggest:", output);
        Assert.Contains("COMP_LINE", output);
    }
}
