using Perovspice.Devices;
using Xunit;

namespace Perovspice.Cli.Tests;

/// <summary><c>perovspice help TOPIC</c> prints the registry's parameter tables.</summary>
public class ModelHelpTests
{
    private static (int Code, string Out, string Err) Help(string topic) => Repo.RunCaptured("help", topic);

    [Fact]
    public void EveryModelTypeListsEveryParameterOfEveryLevel()
    {
        foreach (var family in DeviceCatalog.All.SelectMany(k => k.Models).Distinct())
        {
            var (code, text, _) = Help(family.Types[0]);
            Assert.Equal(0, code);
            foreach (var level in family.Levels)
                foreach (var p in level.Parameters)
                    Assert.Contains($"  {p.Name} ", text);
        }
    }

    [Fact]
    public void ElementLetterShowsNodesModelsAndInstanceParameters()
    {
        var (code, text, _) = Help("j"); // "d" would be the diode's .model type, which comes first
        Assert.Equal(0, code);
        Assert.Contains("nodes: 3", text);
        Assert.Contains("model types: njf, pjf", text);
        Assert.Contains("  area ", text);
    }

    [Fact]
    public void UnknownTopicIsAUsageError()
    {
        var (code, _, err) = Help("zzz");
        Assert.Equal(64, code);
        Assert.Contains("no help on 'zzz'; topics:", err);
    }
}
