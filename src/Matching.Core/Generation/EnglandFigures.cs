using System.Collections.Immutable;
using Matching.Model;

namespace Matching.Generation;

/// <summary>
/// The proportions the generator draws from. Each figure names its source; "estimate" marks a figure we chose
/// because no published statistic gives it directly. Weights need not sum to 1.
/// Sources: DfE "Children looked after in England including adoptions", year ending 31 March 2024 (CLA 2024);
/// Ofsted "Fostering in England 1 April 2023 to 31 March 2024" (Ofsted 2024); ONS Census 2021 (Census 2021).
/// </summary>
internal static class EnglandFigures
{
    /// <summary>Placement types of sibling groups by batch kind (estimate: a weekly referral mix; CLA 2024 has
    /// about 3,000 adoptions against about 30,000 starts of care a year, fostering for adoption and concurrent
    /// planning a small share of adoptive placements; all counts rounded).</summary>
    public static ImmutableArray<(PlacementType Item, double Weight)> PlacementTypes(BatchKind kind) => kind switch
    {
        BatchKind.Adoption => [(PlacementType.Adoption, 0.70), (PlacementType.Ffa, 0.20), (PlacementType.Concurrent, 0.10)],
        BatchKind.Fostering => [(PlacementType.Foster, 1.0)],
        _ => [(PlacementType.Foster, 0.82), (PlacementType.Adoption, 0.10), (PlacementType.Ffa, 0.05), (PlacementType.Concurrent, 0.03)],
    };

    /// <summary>Sibling group sizes (as groups, not children) for fostering. Estimate, so that about half of the
    /// children are in sibling groups: CLA 2024 does not publish group sizes; Ofsted 2024 and CoramBAAF report that
    /// most looked-after siblings are in pairs.</summary>
    public static readonly ImmutableArray<(int Item, double Weight)> FosterGroupSizes =
        [(1, 0.70), (2, 0.20), (3, 0.07), (4, 0.025), (5, 0.005)];

    /// <summary>Sibling group sizes for adoption (estimate: DfE adoption and special guardianship leadership board
    /// data put about a quarter of children waiting for adoption in sibling groups, mostly pairs).</summary>
    public static readonly ImmutableArray<(int Item, double Weight)> AdoptionGroupSizes =
        [(1, 0.82), (2, 0.15), (3, 0.03)];

    /// <summary>Share of sibling groups of two, and of three or more, whose assessment allows a split (estimate).</summary>
    public const double MaySplitPair = 0.10, MaySplitLarger = 0.35;

    /// <summary>Ages in completed years of children in foster care: CLA 2024 ages at 31 March (rounded: under 1:
    /// 5%, 1-4: 13%, 5-9: 17%, 10-15: 38%, 16 and over: 26%), spread evenly over the years of each band.</summary>
    public static readonly ImmutableArray<(int Item, double Weight)> FosterAges =
    [
        (0, 5.0), .. Spread(1, 4, 13.0), .. Spread(5, 9, 17.0), .. Spread(10, 15, 38.0), .. Spread(16, 17, 26.0),
    ];

    /// <summary>Ages of children placed for adoption: CLA 2024 gives an average age at adoption of about 3 years, with most children aged 1-4 (shape an estimate).</summary>
    public static readonly ImmutableArray<(int Item, double Weight)> AdoptionAges =
        [(0, 12.0), (1, 28.0), (2, 22.0), (3, 15.0), (4, 10.0), .. Spread(5, 9, 13.0)];

    /// <summary>Ages for fostering for adoption and concurrent planning: almost all babies (estimate; the
    /// schemes exist for infants, placed from birth or in the first months).</summary>
    public static readonly ImmutableArray<(int Item, double Weight)> InfantAges = [(0, 0.80), (1, 0.16), (2, 0.04)];

    /// <summary>Male share of children looked after: CLA 2024, 56%.</summary>
    public const double MaleShare = 0.56;

    /// <summary>Ethnicity of children looked after by SSDA903 code: CLA 2024 broad groups (White 72%, Mixed 10%,
    /// Black 8%, Asian 5%, Other 4%, not known 1%); the split within a group follows the 903 code counts of the
    /// same release, rounded (the within-group split is an estimate where the release rounds small cells).</summary>
    public static readonly ImmutableArray<(string Item, double Weight)> ChildEthnicity =
    [
        ("WBRI", 64.0), ("WIRI", 0.4), ("WOTH", 6.0), ("WIRT", 0.5), ("WROM", 1.1),
        ("MWBC", 3.5), ("MWBA", 1.5), ("MWAS", 1.4), ("MOTH", 3.6),
        ("BCRB", 1.4), ("BAFR", 4.4), ("BOTH", 2.2),
        ("AIND", 0.6), ("APKN", 1.4), ("ABAN", 0.6), ("AOTH", 2.4),
        ("CHNE", 0.1), ("OOTH", 3.9),
        ("NOBT", 0.8), ("REFU", 0.2),
    ];

    /// <summary>Ethnicity of foster carer households: Ofsted 2024 (approved foster carers: about 84% White, 7% Black,
    /// 4.5% Asian, 3% Mixed, 1.5% Other); the split within a group is an estimate after Census 2021.</summary>
    public static readonly ImmutableArray<(string Item, double Weight)> CarerEthnicity =
    [
        ("WBRI", 76.0), ("WIRI", 1.0), ("WOTH", 6.5), ("WIRT", 0.3), ("WROM", 0.2),
        ("MWBC", 1.0), ("MWBA", 0.5), ("MWAS", 0.5), ("MOTH", 1.0),
        ("BCRB", 2.0), ("BAFR", 4.0), ("BOTH", 1.0),
        ("AIND", 1.3), ("APKN", 1.5), ("ABAN", 0.5), ("AOTH", 1.2),
        ("CHNE", 0.2), ("OOTH", 1.3),
    ];

    /// <summary>Share of carer households recorded with two ethnicities (a couple of different backgrounds; estimate).</summary>
    public const double CarerSecondEthnicity = 0.12;

    /// <summary>Religion by broad ethnic group: Census 2021 (England and Wales) religion by ethnic group, rounded;
    /// "No religion" is kept as a value so that it can be shared.</summary>
    public static ImmutableArray<(string Item, double Weight)> Religions(string? broadGroup) => broadGroup switch
    {
        "Asian" => [("Muslim", 62), ("Hindu", 15), ("Sikh", 8), ("Christian", 6), ("No religion", 6), ("Buddhist", 3)],
        "Black" => [("Christian", 67), ("Muslim", 17), ("No religion", 14), ("Other", 2)],
        "Mixed" => [("Christian", 35), ("No religion", 50), ("Muslim", 10), ("Other", 5)],
        "Other" => [("Muslim", 44), ("Christian", 25), ("No religion", 17), ("Buddhist", 5), ("Other", 9)],
        _ => [("Christian", 51), ("No religion", 45), ("Jewish", 1), ("Muslim", 1), ("Other", 2)],
    };

    /// <summary>Share of children with no religion recorded (estimate: the 903 return does not collect religion,
    /// so case records often lack it).</summary>
    public const double ChildReligionUnrecorded = 0.40;

    /// <summary>Share of carers with no religion recorded (estimate).</summary>
    public const double CarerReligionUnrecorded = 0.15;

    /// <summary>A language other than English by SSDA903 code, and the share who speak one (estimate after Census
    /// 2021 main language by ethnic group and the DfE count of unaccompanied asylum-seeking children, about 7,000 in CLA 2024).</summary>
    public static (double Share, ImmutableArray<string> Languages) OtherLanguage(string? code) => code switch
    {
        "WOTH" => (0.30, ["Polish", "Romanian", "Lithuanian", "Portuguese"]),
        "WROM" => (0.50, ["Romani"]),
        "APKN" => (0.30, ["Urdu", "Punjabi"]),
        "ABAN" => (0.30, ["Bengali"]),
        "AIND" => (0.20, ["Punjabi", "Gujarati", "Tamil"]),
        "AOTH" => (0.55, ["Pashto", "Dari"]),
        "BAFR" => (0.40, ["Somali", "Tigrinya", "Arabic", "Yoruba"]),
        "CHNE" => (0.40, ["Cantonese", "Mandarin"]),
        "OOTH" => (0.60, ["Arabic", "Kurdish", "Tigrinya", "Pashto"]),
        "MOTH" => (0.10, ["Arabic", "Portuguese"]),
        _ => (0.0, []),
    };

    /// <summary>Need tags and their shares among children (estimates: CLA 2024 gives abuse or neglect as the
    /// category of need for 65% of children, disability for about 3%, and 57% of looked-after children have
    /// special educational needs; asthma about 1 child in 11 (NHS)). School-age-only tags apply from age 5.</summary>
    public static readonly ImmutableArray<(string Tag, double Share, int FromAge)> Needs =
    [
        ("trauma", 0.35, 0), ("disability", 0.06, 0), ("asthma", 0.09, 2), ("behaviour", 0.20, 5),
        ("education", 0.30, 5), ("glue_ear", 0.02, 0),
    ];

    /// <summary>Share of carers able to meet each need tag (estimate).</summary>
    public static readonly ImmutableArray<(string Tag, double Share)> CanMeet =
    [
        ("trauma", 0.65), ("disability", 0.20), ("asthma", 0.70), ("behaviour", 0.45), ("education", 0.55), ("glue_ear", 0.50),
    ];

    /// <summary>Contact sessions a week by placement type (estimates: concurrent planning and fostering for adoption
    /// babies usually see birth parents up to three times a week; foster children 0-2; after a placement order, contact
    /// is usually by letter).</summary>
    public static ImmutableArray<(int Item, double Weight)> ContactPerWeek(PlacementType type) => type switch
    {
        PlacementType.Concurrent => [(1, 0.15), (2, 0.30), (3, 0.55)],
        PlacementType.Ffa => [(0, 0.10), (1, 0.30), (2, 0.30), (3, 0.30)],
        PlacementType.Adoption => [(0, 1.0)],
        _ => [(0, 0.30), (1, 0.50), (2, 0.20)],
    };

    /// <summary>Mean days since entering care by placement type (estimates: DfE adoption scorecard A1 averages about
    /// 15 months from entry to moving in; foster referrals are mostly recent).</summary>
    public static double MeanDaysInCare(PlacementType type) => type switch
    {
        PlacementType.Adoption => 420,
        PlacementType.Foster => 150,
        _ => 20,
    };

    /// <summary>Share of children with one or more locations to avoid (brief: about 5%), and the miles (estimate).</summary>
    public const double AvoidShare = 0.05;

    /// <summary>Share of children excluding one or two named carers (estimate).</summary>
    public const double ExcludedCarersShare = 0.01;

    /// <summary>Carer approvals by batch kind. Ofsted 2024: fostering households are overwhelmingly approved as foster
    /// carers; adopters and dually approved concurrent carers are a small share of a mixed pool (estimate).</summary>
    public static ImmutableArray<(Approval Item, double Weight)> Approvals(BatchKind kind) => kind switch
    {
        BatchKind.Adoption => [(Approval.Adopter, 0.85), (Approval.Concurrent, 0.15)],
        BatchKind.Fostering => [(Approval.Foster, 0.96), (Approval.Concurrent, 0.04)],
        _ => [(Approval.Foster, 0.80), (Approval.Adopter, 0.15), (Approval.Concurrent, 0.05)],
    };

    /// <summary>Approved places of foster households: Ofsted 2024 has about 1.8 approved places per household;
    /// the shape is an estimate.</summary>
    public static readonly ImmutableArray<(int Item, double Weight)> FosterPlaces = [(1, 0.42), (2, 0.36), (3, 0.16), (4, 0.06)];

    /// <summary>Places for adopters and concurrent carers (estimate: most adopt one child, some a pair).</summary>
    public static readonly ImmutableArray<(int Item, double Weight)> AdopterPlaces = [(1, 0.72), (2, 0.24), (3, 0.04)];

    /// <summary>Children already placed with a foster household (Ofsted 2024: about two thirds of approved places
    /// are filled; capped here so that every household has a free place).</summary>
    public static readonly ImmutableArray<(int Item, double Weight)> FosterPlaced = [(0, 0.45), (1, 0.38), (2, 0.17)];

    /// <summary>Smokers among carer households (brief: about 10%; ONS 2023 adult smoking prevalence 11.9%).</summary>
    public const double SmokerShare = 0.10;

    /// <summary>In-house (local authority) share of foster households: Ofsted 2024, about 55% LA and 45% IFA.</summary>
    public const double FosterInHouseShare = 0.55;

    /// <summary>Local authority (or regional adoption agency) share of adopters: about 80%, the rest voluntary
    /// adoption agencies (estimate after DfE adoption data).</summary>
    public const double AdopterInHouseShare = 0.80;

    /// <summary>Weekly cost in pounds (estimates: in-house fostering allowance plus fee about £450-£650; independent
    /// agencies about £850-£1,150 (LGA and NAO 2022-23 figures); a VAA inter-agency fee of about £33,000 spread over
    /// a year, about £635; in-house adoption has no weekly charge).</summary>
    public static (int Min, int Max)? WeeklyCost(Approval approval, Agency agency) => (approval, agency) switch
    {
        (Approval.Foster, Agency.InHouse) => (450, 650),
        (Approval.Foster, _) => (850, 1150),
        (_, Agency.Vaa) => (600, 670),
        _ => null,
    };

    private static IEnumerable<(int Item, double Weight)> Spread(int from, int to, double total) =>
        Enumerable.Range(from, to - from + 1).Select(a => (a, total / (to - from + 1)));
}
