namespace Matching.Cli.Tests.Support;

/// <summary>A clock stopped at one instant, in UTC, so "today" is the same in every test run.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
