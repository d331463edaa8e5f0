using System.Diagnostics;
using System.Globalization;

namespace Matching.Bench.Scenarios;

/// <summary>
/// Stops a scenario run whose working set passes a cap, so a batch too big for the machine is measured as "over N GB
/// in phase P" instead of the kernel's out-of-memory killer ending it (and perhaps someone else's work) silently.
/// </summary>
internal sealed class MemoryGuard : IDisposable
{
    private readonly Timer timer;
    private readonly long capBytes;
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly Action<string> onExceeded;
    private int fired;

    public MemoryGuard(double capMb, Action<string> onExceeded)
    {
        capBytes = (long)(capMb * 1024 * 1024);
        this.onExceeded = onExceeded;
        timer = new Timer(_ => Check(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
    }

    /// <summary>The phase the run is in, for the message.</summary>
    public string Phase { get; set; } = "start";

    public void Dispose() => timer.Dispose();

    private void Check()
    {
        using var self = Process.GetCurrentProcess();
        if (self.WorkingSet64 <= capBytes || Interlocked.Exchange(ref fired, 1) == 1)
        {
            return;
        }

        onExceeded(string.Create(CultureInfo.InvariantCulture,
            $"working set passed the {capBytes / (1024.0 * 1024 * 1024):N1} GB cap in phase {Phase} after {watch.Elapsed.TotalSeconds:N0} s"));
    }
}
