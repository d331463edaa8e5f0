namespace Matching.Generation;

/// <summary>What kind of batch the <see cref="BatchGenerator"/> makes.</summary>
public enum BatchKind
{
    /// <summary>Mostly fostering, with some adoption, fostering for adoption and concurrent planning.</summary>
    Mixed,

    /// <summary>Concurrent, fostering-for-adoption and adoption children, with adopters and concurrent carers.</summary>
    Adoption,

    /// <summary>Foster children only, with foster carers (and a few concurrent carers, who may also foster).</summary>
    Fostering,
}
