namespace Matching.Bench.External;

/// <summary>
/// One generalized assignment instance: m agents, n jobs, cost c[i][j], consumption a[i][j], capacity b[i].
/// Every job goes to exactly one agent; agents keep within capacity.
/// </summary>
/// <param name="Name">The instance name (Yagiura naming, e.g. c0515_1 for gap1 instance 1).</param>
/// <param name="Agents">m.</param>
/// <param name="Jobs">n.</param>
/// <param name="Cost">c, agent-major: Cost[i * Jobs + j].</param>
/// <param name="Load">a, agent-major: Load[i * Jobs + j].</param>
/// <param name="Capacity">b, one per agent.</param>
internal sealed record GapInstance(string Name, int Agents, int Jobs, int[] Cost, int[] Load, int[] Capacity)
{
    public int CostOf(int agent, int job) => Cost[(agent * Jobs) + job];

    public int LoadOf(int agent, int job) => Load[(agent * Jobs) + job];

    /// <summary>Objective of an assignment (agent per job), or null when it is infeasible.</summary>
    public long? Evaluate(IReadOnlyList<int> agentOfJob)
    {
        var used = new long[Agents];
        long total = 0;
        for (var j = 0; j < Jobs; j++)
        {
            var i = agentOfJob[j];
            if (i < 0 || i >= Agents)
            {
                return null;
            }

            used[i] += LoadOf(i, j);
            total += CostOf(i, j);
        }

        for (var i = 0; i < Agents; i++)
        {
            if (used[i] > Capacity[i])
            {
                return null;
            }
        }

        return total;
    }
}
