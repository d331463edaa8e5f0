using System.Diagnostics;
using System.Text.RegularExpressions;
using Matching.Cli.Tests.Support;
using Matching.Tests.Support;

namespace Matching.Cli.Tests.Report;

/// <summary>
/// The panel report in a real headless browser (Debian's chromium, which .ci/run installs): it renders, shows the
/// right counts and headings, and asks for nothing outside the page. All traffic goes to a dead local proxy, and
/// the browser's network log is checked for any request the page made.
/// </summary>
public sealed partial class PanelReportBrowserTests : IDisposable
{
    // Chromium's own background services, which call home whatever the page is; the page must call nothing.
    private static readonly string[] BrowserServices = ["http://clients2.google.com/", "https://clients2.google.com/", "http://update.googleapis.com/", "https://update.googleapis.com/", "https://accounts.google.com/", "https://www.google.com/"];

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Report_InHeadlessChromium_RendersTheRightCountsAndRequestsNothing()
    {
        var run = Path.Combine(folder.Path, "run");
        var solve = Tool.Run(
            "solve", "--children", Golden.Sample("some-children-unplaced/children.csv"),
            "--carers", Golden.Sample("some-children-unplaced/carers.csv"), "--as-of", "2026-11-23", "--out", run);
        Assert.Equal(ExitCodes.Ok, solve.ExitCode);
        var proposals = File.ReadAllLines(Path.Combine(run, "matches.csv")).Length - 1;
        var unmatched = File.ReadAllLines(Path.Combine(run, "unmatched.csv")).Length - 1;
        var shortlist = File.ReadAllLines(Path.Combine(run, "shortlist.csv")).Length - 1;
        Assert.True(proposals > 0 && unmatched > 0);

        var netLog = Path.Combine(folder.Path, "net.json");
        var dom = Chromium(new Uri(Path.Combine(run, "report.html")).AbsoluteUri, netLog);

        Assert.Equal(proposals, Regex.Matches(dom, "<tr class=\"proposal\"").Count);
        Assert.Equal(unmatched, Regex.Matches(dom, "<tr class=\"unmatched\"").Count);
        Assert.Equal(shortlist, Regex.Matches(dom, "<tr class=\"shortlist\"").Count);
        Assert.Contains($"<dd id=\"count-placed\">{proposals}</dd>", dom, StringComparison.Ordinal);
        Assert.Contains($"<dd id=\"count-unmatched\">{unmatched}</dd>", dom, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"count-children\">20</dd>", dom, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(dom, "<h1[ >]"));
        Assert.Equal(
            ["Summary", "Proposals", "Children not placed", "Shortlists", "How scores are made"],
            Heading2().Matches(dom).Select(m => m.Groups[1].Value));
        Assert.Contains("<html lang=\"en\"", dom, StringComparison.Ordinal);

        // Every table has a caption and column headers; every link stays on the page; nothing is loaded.
        Assert.Equal(Regex.Matches(dom, "<table").Count, Regex.Matches(dom, "<caption>").Count);
        Assert.All(Regex.Matches(dom, "<thead>(.*?)</thead>").Select(m => m.Groups[1].Value), head => Assert.Contains("<th scope=\"col\">", head, StringComparison.Ordinal));
        Assert.All(Regex.Matches(dom, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value), href => Assert.StartsWith("#", href, StringComparison.Ordinal));
        Assert.DoesNotMatch("<(script|link|img|iframe|object|embed)[ >]|src=|url\\(|@import", dom);
        var requested = Regex.Matches(File.ReadAllText(netLog), "\"url\":\"([^\"]+)\"").Select(m => m.Groups[1].Value)
            .Where(u => !u.StartsWith("file:", StringComparison.Ordinal) && !BrowserServices.Any(s => u.StartsWith(s, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        Assert.Empty(requested);
    }

    [Fact]
    public void NetworkLog_PageWithAnExternalImage_IsCaught()
    {
        // The check above is only worth something if the log really shows a page's request.
        var page = folder.Write("bad.html", "<!DOCTYPE html><html lang=\"en\"><body><img src=\"http://example.invalid/x.png\" alt=\"\"></body></html>");
        var netLog = Path.Combine(folder.Path, "bad-net.json");
        Chromium(new Uri(page).AbsoluteUri, netLog);
        Assert.Contains("http://example.invalid/x.png", File.ReadAllText(netLog), StringComparison.Ordinal);
    }

    [GeneratedRegex("<h2[^>]*>([^<]*)</h2>")]
    private static partial Regex Heading2();

    private string Chromium(string url, string netLog)
    {
        var exe = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        Assert.True(exe is not null, "chromium is not installed: apt-get install chromium (.ci/run installs it) to run the report's browser tests");
        var profile = Path.Combine(folder.Path, "profile-" + Path.GetFileNameWithoutExtension(netLog));
        var start = new ProcessStartInfo(exe!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
            "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--log-net-log=" + netLog, "--dump-dom", url,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var dom = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "chromium did not finish within a minute");
        _ = stderr.Result;
        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}");
        Assert.StartsWith("<!DOCTYPE html>", dom.TrimStart(), StringComparison.OrdinalIgnoreCase);
        return dom;
    }
}
