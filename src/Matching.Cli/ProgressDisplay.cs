using Spectre.Console;

namespace Matching.Cli;

/// <summary>Shows the engine's phases as progress bars on a terminal (only when a person is watching).</summary>
internal static class ProgressDisplay
{
    public static T Run<T>(Func<IProgress<SolveProgress>, T> work) =>
        AnsiConsole.Progress()
            .AutoClear(true)
            .Start(context => work(new Reporter(context)));

    /// <summary>Reports straight to the bars: the solver calls from its own threads, and Spectre's tasks are thread-safe.</summary>
    private sealed class Reporter(ProgressContext context) : IProgress<SolveProgress>
    {
        private readonly Dictionary<string, ProgressTask> tasks = new(StringComparer.Ordinal);
        private readonly Lock gate = new();

        public void Report(SolveProgress value)
        {
            lock (gate)
            {
                if (!tasks.TryGetValue(value.Phase, out var task))
                {
                    task = context.AddTask(value.Phase);
                    tasks.Add(value.Phase, task);
                }

                task.MaxValue = Math.Max(1, value.Total);
                task.Value = Math.Min(value.Done, task.MaxValue);
            }
        }
    }
}
