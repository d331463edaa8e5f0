using Matching.Core.Tests.Support;
using Matching.Model;
using Matching.Rules.Hard;

namespace Matching.Core.Tests.Rules.Hard;

public sealed class ApprovalFitsPlanTests
{
    [Theory]
    [InlineData(PlacementType.Concurrent, Approval.Concurrent, true)]
    [InlineData(PlacementType.Concurrent, Approval.Adopter | Approval.Foster, false)]
    [InlineData(PlacementType.Ffa, Approval.Adopter, true)]
    [InlineData(PlacementType.Ffa, Approval.Concurrent, true)]
    [InlineData(PlacementType.Ffa, Approval.Foster, false)]
    [InlineData(PlacementType.Adoption, Approval.Adopter, true)]
    [InlineData(PlacementType.Adoption, Approval.Foster, false)]
    [InlineData(PlacementType.Foster, Approval.Foster, true)]
    [InlineData(PlacementType.Foster, Approval.Concurrent, true)]
    [InlineData(PlacementType.Foster, Approval.Adopter, false)]
    public void Allows_PlanAndApproval_FollowsTheApprovalTable(PlacementType type, Approval approval, bool allowed)
    {
        var pair = Build.Pair(Build.Child(type: type), Build.Carer(approval: approval));
        Assert.Equal(allowed, new ApprovalFitsPlan().Allows(pair));
    }
}
