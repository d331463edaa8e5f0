using System.Collections.Immutable;
using System.Security.Cryptography;
using Matching.Model;
using Matching.Rules;

namespace Matching.Io;

/// <summary>
/// Reads a batch (children, carers, pins, previous matches, settings) into a <see cref="MatchingProblem"/>, finding
/// every problem in one pass: each is reported as <c>file:row:column: message</c> with the row a spreadsheet shows.
/// Postcodes resolve offline through the embedded gazetteer. Stateless and thread-safe.
/// </summary>
public static class BatchReader
{
    /// <summary>Reads every file of <paramref name="files"/> and checks them against each other.</summary>
    /// <param name="files">The input paths.</param>
    /// <param name="batchDate">The batch date: ages and the "needed by" default are taken on it.</param>
    public static BatchReadResult Read(BatchFiles files, DateOnly batchDate)
    {
        ArgumentNullException.ThrowIfNull(files);
        var issues = new IssueList();
        var inputs = ImmutableArray.CreateBuilder<InputFile>();
        var order = new List<string>();

        var childTable = Load("children", files.Children, ChildrenReader.Sheet, issues, inputs, order);
        var carerTable = Load("carers", files.Carers, CarersReader.Sheet, issues, inputs, order);
        var carers = carerTable is null ? [] : CarersReader.Read(carerTable, issues);
        var carerIds = carerTable is null ? null : Columns.Values(carerTable, "carer_id");
        var children = childTable is null
            ? []
            : ChildrenReader.Read(childTable, batchDate, carerIds is null ? null : (carerIds, carerTable!.Source), issues);
        var childIds = childTable is null ? null : Columns.Values(childTable, "child_id");

        var pins = ImmutableArray<Pin>.Empty;
        if (files.Pins is { } pinPath && Load("pins", pinPath, "pins", issues, inputs, order) is { } pinTable)
        {
            pins = [.. LinksReader.Read(pinTable, issues)
                .Where(l => Known(pinTable.Source, l, childIds, carerIds, childTable?.Source, carerTable?.Source, issues))
                .Select(l => new Pin(l.ChildId, l.CarerId))];
        }

        var previous = ImmutableArray<PreviousMatch>.Empty;
        if (files.Previous is { } previousPath && Load("previous", previousPath, "matches", issues, inputs, order) is { } previousTable)
        {
            // Last week's children and carers may have left the batch: their links simply no longer apply.
            previous = [.. LinksReader.Read(previousTable, issues)
                .Where(l => childIds?.Contains(l.ChildId) != false && carerIds?.Contains(l.CarerId) != false)
                .Select(l => new PreviousMatch(l.ChildId, l.CarerId))];
        }

        var settings = MatchingSettings.Default;
        if (files.Settings is { } settingsPath && ReadBytes(settingsPath, issues) is { } settingsBytes)
        {
            inputs.Add(Fingerprint("settings", settingsPath, settingsBytes));
            settings = SettingsReader.Read(Path.GetFileName(settingsPath), settingsBytes, issues) ?? settings;
        }

        if (childTable is not null && children.IsEmpty && childTable.Rows.IsEmpty)
        {
            issues.Error(childTable.Source, 2, "", "there are no children: add one row per child below the column names");
        }

        var problem = issues.ErrorCount > 0 ? null : new MatchingProblem
        {
            Children = [.. children.OrderBy(c => c.Id, StringComparer.Ordinal)],
            Carers = [.. carers.OrderBy(c => c.Id, StringComparer.Ordinal)],
            Pins = [.. pins.OrderBy(p => p.ChildId, StringComparer.Ordinal)],
            Previous = [.. previous.OrderBy(p => p.ChildId, StringComparer.Ordinal)],
            BatchDate = batchDate,
            Settings = settings,
        };

        return new BatchReadResult { Problem = problem, Issues = InFileOrder(issues.ToImmutable(), order), Inputs = inputs.ToImmutable() };
    }

    /// <summary>Reads a settings JSON file on its own (comments allowed).</summary>
    public static (MatchingSettings? Settings, ImmutableArray<ValidationIssue> Issues) ReadSettings(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var issues = new IssueList();
        var settings = ReadBytes(path, issues) is { } bytes ? SettingsReader.Read(Path.GetFileName(path), bytes, issues) : null;
        return (settings, issues.ToImmutable());
    }

    private static Table? Load(
        string role, string path, string sheet, IssueList issues, ImmutableArray<InputFile>.Builder inputs, List<string> order)
    {
        var name = Path.GetFileName(path);
        order.Add(name);
        order.Add(name + "[" + sheet + "]");
        if (ReadBytes(path, issues) is not { } bytes)
        {
            return null;
        }

        inputs.Add(Fingerprint(role, path, bytes));
        return TableLoader.Load(name, bytes, sheet, issues);
    }

    private static byte[]? ReadBytes(string path, IssueList issues)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : "the file cannot be opened (is it open in another program?)";
            issues.Error(Path.GetFileName(path), 0, "", reason);
            return null;
        }
    }

    private static InputFile Fingerprint(string role, string path, byte[] bytes) =>
        new(role, Path.GetFileName(path), Convert.ToHexStringLower(SHA256.HashData(bytes)));

    private static bool Known(
        string source, (int Row, string ChildId, string CarerId) link, ISet<string>? childIds, ISet<string>? carerIds,
        string? childSource, string? carerSource, IssueList issues)
    {
        var ok = true;
        if (childIds is not null && !childIds.Contains(link.ChildId))
        {
            issues.Error(source, link.Row, "child_id", $"child '{link.ChildId}' is not in {childSource}");
            ok = false;
        }

        if (carerIds is not null && !carerIds.Contains(link.CarerId))
        {
            issues.Error(source, link.Row, "carer_id", $"carer '{link.CarerId}' is not in {carerSource}");
            ok = false;
        }

        return ok;
    }

    /// <summary>Groups issues by file in the order files were read, then by row; ties keep the order found.</summary>
    private static ImmutableArray<ValidationIssue> InFileOrder(ImmutableArray<ValidationIssue> issues, List<string> order)
    {
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in order)
        {
            fileOrder.TryAdd(file, fileOrder.Count);
        }

        foreach (var issue in issues)
        {
            fileOrder.TryAdd(issue.File, fileOrder.Count);
        }

        return [.. issues.OrderBy(i => fileOrder[i.File]).ThenBy(i => i.Row)];
    }
}
