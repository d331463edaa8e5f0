using System.Globalization;
using System.Text;

namespace Matching.Tests.Support;

/// <summary>A real folder under the system temp folder, deleted when disposed. Tests write real files into it.</summary>
internal sealed class TempFolder : IDisposable
{
    private static int counter;

    public TempFolder()
    {
        var n = Interlocked.Increment(ref counter);
        Path = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(),
            string.Create(CultureInfo.InvariantCulture, $"matching-tests-{Environment.ProcessId}-{n}"));
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }

        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to a file in the folder and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over cleanup.
        }
    }
}
