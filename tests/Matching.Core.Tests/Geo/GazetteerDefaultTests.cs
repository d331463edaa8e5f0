using System.Reflection;
using System.Runtime.Loader;
using Matching.Geo;

namespace Matching.Core.Tests.Geo;

public sealed class GazetteerDefaultTests
{
    [Fact]
    public void Default_FirstUseFromManyThreads_AllSeeOneFullyLoadedInstance()
    {
        // Other tests may already have loaded Default in this process; a fresh copy of the assembly in its own
        // load context has its own statics, so this really is the first use, raced by every thread at once.
        var context = new AssemblyLoadContext(nameof(Default_FirstUseFromManyThreads_AllSeeOneFullyLoadedInstance), isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(typeof(Gazetteer).Assembly.Location);
            var type = assembly.GetType(typeof(Gazetteer).FullName!, throwOnError: true)!;
            var defaultProperty = type.GetProperty(nameof(Gazetteer.Default), BindingFlags.Public | BindingFlags.Static)!;
            var countProperty = type.GetProperty(nameof(Gazetteer.SectorCount))!;

            var seen = new object[16];
            using var start = new Barrier(seen.Length);
            var threads = Enumerable.Range(0, seen.Length).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                seen[i] = defaultProperty.GetValue(null)!;
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.NotSame(Gazetteer.Default, seen[0]);
            Assert.All(seen, g => Assert.Same(seen[0], g));
            Assert.Equal(12_269, (int)countProperty.GetValue(seen[0])!);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void Default_ParallelResolves_AllAgree()
    {
        var results = new bool[64];
        Parallel.For(0, results.Length, i =>
            results[i] = Gazetteer.Default.TryResolve("CB1 2AB", out var l, out _) && Math.Abs(l.Latitude - 52.2) < 0.1);

        Assert.All(results, Assert.True);
        Assert.Same(Gazetteer.Default, Gazetteer.Default);
    }
}
