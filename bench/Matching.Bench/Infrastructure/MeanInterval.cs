using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace Matching.Bench.Infrastructure;

/// <summary>A sample mean with its two-sided 95% Student-t confidence interval.</summary>
/// <param name="Mean">Sample mean.</param>
/// <param name="HalfWidth">Half the interval's width (NaN with fewer than two samples).</param>
/// <param name="Count">Samples.</param>
internal readonly record struct MeanInterval(double Mean, double HalfWidth, int Count)
{
    public static MeanInterval Of(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0)
        {
            return new MeanInterval(double.NaN, double.NaN, 0);
        }

        var mean = samples.Mean();
        if (samples.Count < 2)
        {
            return new MeanInterval(mean, double.NaN, samples.Count);
        }

        var t = StudentT.InvCDF(0, 1, samples.Count - 1, 0.975);
        return new MeanInterval(mean, t * samples.StandardDeviation() / Math.Sqrt(samples.Count), samples.Count);
    }

    public string Format(int decimals) => double.IsNaN(HalfWidth)
        ? MarkdownTable.Num(Mean, decimals)
        : MarkdownTable.Num(Mean, decimals) + " ± " + MarkdownTable.Num(HalfWidth, decimals);
}
