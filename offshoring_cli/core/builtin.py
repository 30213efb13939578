"""The built-in dataset (data only): its sources, indicators, observations, targets and segments.

Units: jobs are counted in people employed (``unit="jobs"``); exports are in Moroccan dirhams
(``unit="MAD"``, whole dirhams, not billions). Every observation and target names a source id
that is a key of :data:`SOURCES`. The figures and how the derived ones were derived are listed,
in prose, in ``seeds/README.md``; a test keeps the two in step.
"""

from offshoring_cli.core.claims import Claim, Ratio
from offshoring_cli.core.records import (
    Dataset,
    Indicator,
    Observation,
    Segment,
    SegmentSplit,
    Source,
    Target,
)

SEED = "nap-2026"

SOURCES: dict[str, Source] = {
    SEED: Source(
        publisher="North Africa Post",
        title="Morocco Unveils Upgraded Offshoring Strategy to Accelerate Digital Growth",
        date="2026-01",
        url=(
            "https://northafricapost.com/94441-morocco-unveils-upgraded-offshoring-strategy-"
            "to-accelerate-digital-growth.html"
        ),
    ),
    "hespress-2025": Source(
        publisher="Hespress FR (via Maghress), Office des Changes data",
        title="Digital-economy and services-outsourcing exports in 2023 and 2024",
        date="2025",
        url="https://www.maghress.com/fr/hespressfr/446104",
    ),
    "le360-2025-10": Source(
        publisher="Le360, Office des Changes data (preliminary)",
        title="Services numériques et outsourcing: le Maroc met le turbo",
        date="2025-10-17",
        url=(
            "https://fr.le360.ma/economie/services-numeriques-et-outsourcing-le-maroc-met-le-"
            "turbo_OYGBHIVDJNAE7OQ3CFKJDC3574/"
        ),
    ),
    "lenouvelliste-2025": Source(
        publisher="Le Nouvelliste",
        title="Le numérique marocain génère 26,2 MMDH à l'export",
        date="2025",
        url="https://www.lenouvelliste.ma/le-numerique-marocain-genere-262-mmdh-a-lexport/",
    ),
    "lavieeco-2019": Source(
        publisher="La Vie Eco",
        title="Offshoring: 10 milliards de dirhams de chiffre d'affaires à l'export en 2018",
        date="2019",
        url=(
            "https://www.lavieeco.com/news/economie/offshoring-10-milliards-de-dirhams-de-"
            "chiffre-daffaires-a-lexport-en-2018.html"
        ),
    ),
    "le360-2024-04": Source(
        publisher="Le360 (minister's statement, Office des Changes data)",
        title="L'insolente bonne santé de l'outsourcing au Maroc",
        date="2024-04",
        url=(
            "https://fr.le360.ma/economie/linsolente-bonne-sante-de-loutsourcing-au-maroc_"
            "EF5PHOB2ANDSJI6YS5F3RAOCGA/"
        ),
    ),
    "dayfr-2024": Source(
        publisher="DayFR Euro (minister's statement to Parliament)",
        title="Assessment, ambitions and challenges to take up",
        date="2024",
        url="https://euro.dayfr.com/news/amp/2396400",
    ),
    "souss-digital-2024": Source(
        publisher="Souss Digital",
        title=(
            "Digital Morocco 2030 : une stratégie ambitieuse pour transformer le paysage numérique"
        ),
        date="2024-09",
        url=(
            "https://souss.digital/en/2024/09/digital-morocco-2030-une-strategie-ambitieuse-"
            "pour-transformer-le-paysage-numerique"
        ),
    ),
    "lematin-2026-01": Source(
        publisher="Le Matin",
        title="Offshoring: le Maroc vise 270.000 emplois d'ici 2030",
        date="2026-01-28",
        url="https://lematin.ma/economie/offshoring-le-maroc-vise-270000-emplois-dici-2030/326808",
    ),
    "mcg24-2026-01": Source(
        publisher="MCG24",
        title="The development of offshoring aims to position Morocco as a global digital hub",
        date="2026-01",
        url=(
            "https://en.mcg24.com/the-development-of-offshoring-aims-to-position-morocco-as-a-"
            "global-digital-hub"
        ),
    ),
    "walaw-2025-10": Source(
        publisher="Walaw",
        title="Exportations numériques : une croissance solide au premier semestre 2025",
        date="2025-10",
        url=(
            "https://sport.walaw.press/fr/articles/exportations_numeriques_une_croissance_"
            "solide_au_premier_semestre_2025/GQWGLRXQGPLR"
        ),
    ),
}
"""Every source a built-in figure cites, by id; titles as published (French with accents)."""

JOBS_SERIES = "offshoring-employment"
EXPORTS_SERIES = "digital-outsourcing"
"""The current export series ("digital economy and services outsourcing", Office des Changes),
to which the 2030 target refers."""
LEGACY_SERIES = "offshoring-legacy"
"""The older, narrower offshoring export series (17.9 bn MAD in 2023 against 26.17 bn in the
current one); never mixed with the current one."""

LAUNCH = "souss-digital-2024"
"""The launch of Digital Morocco 2030 (25 September 2024), where the targets were first stated."""

JOBS_2030 = Target(
    2030,
    270_000,
    JOBS_SERIES,
    SEED,
    notes=(
        "total employment of 270,000 in 2030, as the ministry presents it; the offshoring "
        'federation\'s president spoke of "the creation of 270,000 jobs" (MCG24, January 2026), '
        "a reading not used here",
        "the 2024-2030 programme contract aims to create 130,000 jobs by 2030: 141,000 at the "
        "end of 2023 + 130,000 = 271,000, about the same total (DayFR Euro)",
    ),
)
EXPORTS_2030 = Target(
    2030,
    40_000_000_000,
    EXPORTS_SERIES,
    SEED,
    notes=(
        "quoted in January 2026 next to this series' 26.22 bn MAD for 2024: \"40 milliards de "
        "dirhams d'exportations et 270.000 emplois a l'horizon 2030\" (Le Matin, 2026-01-28)",
        '"doubling" (the seed\'s word) fits the offshoring-legacy series (40 / 17.9 = 2.23x), '
        "not this one (40 / 26.22 = 1.53x)",
    ),
)
LAUNCH_PATH = (
    "stated at the launch of Digital Morocco 2030 (25 September 2024) on the older series: "
    "17.9 bn MAD in 2023, 25 bn in 2026, 40 bn in 2030"
)

JOBS = Indicator(
    id="jobs",
    label="Offshoring jobs",
    unit="jobs",
    observations=(
        Observation(
            2022,
            130_000,
            JOBS_SERIES,
            SEED,
            note="derived: 148,500 jobs at end 2024 minus 18,500 net creations over two years",
        ),
        Observation(
            2023,
            141_000,
            JOBS_SERIES,
            "dayfr-2024",
            note="end of 2023, the minister's statement to Parliament",
        ),
        Observation(2024, 148_500, JOBS_SERIES, SEED),
    ),
    target=JOBS_2030,
    targets=(
        JOBS_2030,
        Target(
            2026,
            190_000,
            JOBS_SERIES,
            LAUNCH,
            notes=(
                "interim target stated at the launch of Digital Morocco 2030 (September 2024); "
                'one article says "crees" (created), but the context and later statements '
                "read it as total employment",
            ),
        ),
    ),
)

EXPORTS = Indicator(
    id="exports",
    label="Offshoring service exports",
    unit="MAD",
    observations=(
        Observation(2018, 10_000_000_000, LEGACY_SERIES, "lavieeco-2019"),
        Observation(
            2022,
            15_700_000_000,
            LEGACY_SERIES,
            "le360-2024-04",
            note="derived: 17.9 bn MAD in 2023 / 1.14 (reported +14 % on 2022) = 15.70 bn",
        ),
        Observation(2023, 17_900_000_000, LEGACY_SERIES, "le360-2024-04"),
        Observation(2023, 26_170_000_000, EXPORTS_SERIES, "hespress-2025"),
        Observation(2024, 12_900_000_000, EXPORTS_SERIES, "lenouvelliste-2025", period="H1"),
        Observation(2024, 26_220_000_000, EXPORTS_SERIES, SEED),
        Observation(
            2025,
            13_400_000_000,
            EXPORTS_SERIES,
            "lenouvelliste-2025",
            note="reported as +3.5 % on H1 2024, from unrounded figures",
            period="H1",
            reported_change=0.035,
        ),
    ),
    target=EXPORTS_2030,
    targets=(
        EXPORTS_2030,
        Target(2030, 40_000_000_000, LEGACY_SERIES, LAUNCH, notes=(LAUNCH_PATH,)),
        Target(
            2026,
            25_000_000_000,
            LEGACY_SERIES,
            LAUNCH,
            notes=(
                "interim target " + LAUNCH_PATH,
                "the current series was already above 25 bn MAD in 2023 (26.17 bn): its scope "
                "is wider, so that says nothing about progress towards this target",
            ),
        ),
    ),
)

INDICATORS: dict[str, Indicator] = {JOBS.id: JOBS, EXPORTS.id: EXPORTS}
"""The built-in indicators, by id, in display order."""

SEGMENTS_YEAR = 2024
SEGMENTS: tuple[Segment, ...] = (
    Segment("ITO", "IT outsourcing", 10_578_000_000, None, None, "le360-2025-10"),
    Segment("CRM", "Customer relations, call centres", 9_797_000_000, None, None, "le360-2025-10"),
    Segment("ESO", "Engineering services", 3_462_000_000, 0.071, None, "le360-2025-10"),
    Segment("BPO", "Business process outsourcing", 2_334_000_000, 0.17, None, "le360-2025-10"),
    Segment("KPO", "Knowledge process outsourcing", 48_000_000, None, 78_000_000, "le360-2025-10"),
)
"""The 2024 export split by segment (Office des Changes, preliminary, via Le360). BPO's change
is given as "about +17 %"."""

OTHER_SPLITS = (
    SegmentSplit(
        "exports",
        2025,
        "H1",
        (
            Segment("ITO", "IT outsourcing", 5_250_000_000, None, None, "walaw-2025-10"),
            Segment(
                "CRM",
                "Customer relations, call centres",
                4_190_000_000,
                None,
                None,
                "walaw-2025-10",
            ),
            Segment("ESO", "Engineering services", 2_580_000_000, None, None, "walaw-2025-10"),
        ),
        note="BPO and KPO not published separately",
    ),
)
"""The first-half 2025 export split by segment (Walaw, October 2025): ITO, CRM and ESO only."""

INSIGHTS = (
    Claim("exports", "target_multiple", 2.0, wording="doubling", source=SEED),
    Ratio("exports", "jobs", id="exports_per_job", label="Exports per job"),
)
"""What the sources say that the tool checks: the seed describes the 2030 export target as a
doubling; and exports per job now against the two targets' implied figure."""

TRANSLATIONS = {
    "fr": {
        "Offshoring jobs": "Emplois de l'offshoring",
        "Offshoring service exports": "Exportations de services d'offshoring",
        "Morocco's offshoring sector (IT outsourcing, customer relations, engineering and "
        "business-process services): jobs and service exports against the Digital Morocco "
        "2030 targets.": "Le secteur marocain de l'offshoring (ITO, relation client, "
        "ingénierie et BPO) : emplois et exportations de services face aux objectifs de "
        "Maroc Digital 2030.",
        "doubling": "doublement",
        "Exports per job": "Exportations par emploi",
        "IT outsourcing": "Externalisation informatique (ITO)",
        "Customer relations, call centres": "Relation client, centres d'appels",
        "Engineering services": "Services d'ingénierie",
        "Business process outsourcing": "Externalisation des processus métier (BPO)",
        "Knowledge process outsourcing": "Externalisation des processus de connaissance (KPO)",
        "BPO and KPO not published separately": "BPO et KPO non publiés séparément",
    },
    "ar": {
        "Offshoring jobs": "مناصب شغل ترحيل الخدمات",
        "Offshoring service exports": "صادرات خدمات ترحيل الخدمات",
        "Morocco's offshoring sector (IT outsourcing, customer relations, engineering and "
        "business-process services): jobs and service exports against the Digital Morocco "
        "2030 targets.": "قطاع ترحيل الخدمات بالمغرب (تعهيد تكنولوجيا المعلومات، علاقات "
        "الزبناء، الهندسة وتعهيد العمليات): مناصب الشغل وصادرات الخدمات مقارنة بأهداف "
        "المغرب الرقمي 2030.",
        "doubling": "مضاعفة",
        "Exports per job": "الصادرات لكل منصب شغل",
        "IT outsourcing": "تعهيد تكنولوجيا المعلومات",
        "Customer relations, call centres": "علاقات الزبناء ومراكز الاتصال",
        "Engineering services": "خدمات الهندسة",
        "Business process outsourcing": "تعهيد العمليات التجارية",
        "Knowledge process outsourcing": "تعهيد عمليات المعرفة",
        "BPO and KPO not published separately": "لم يُنشر رقما BPO وKPO كلٌّ على حدة",
    },
}
"""The dataset's own texts in French and Arabic (``--lang``): labels, description, wordings."""

BUILTIN = Dataset(
    name="morocco-offshoring",
    description=(
        "Morocco's offshoring sector (IT outsourcing, customer relations, engineering and "
        "business-process services): jobs and service exports against the Digital Morocco "
        "2030 targets."
    ),
    indicators=INDICATORS,
    sources=SOURCES,
    segments=SEGMENTS,
    segments_year=SEGMENTS_YEAR,
    segments_of="exports",
    insights=INSIGHTS,
    other_splits=OTHER_SPLITS,
    translations=TRANSLATIONS,
)
"""The built-in dataset (see ``seeds/README.md`` for every figure's source)."""
