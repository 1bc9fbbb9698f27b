"""DfE code lists, the one source of truth for forms, validation, journeys and returns.

Each list is transcribed from ``docs/reference/`` (CIN census 2025-26 §5, SSDA903 2025-26 §3),
which names the public sources. Codes are exactly the DfE codes; labels are for people.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    """Sex (CIN N00783, SSDA903 SEX): U is also used for unborn children."""

    MALE = "M", _("Male")
    FEMALE = "F", _("Female")
    UNKNOWN = "U", _("Not known or not recorded")


class Ethnicity(models.TextChoices):
    """Ethnicity (CIN N00177, SSDA903 ETHNIC): the same 20 codes in every return."""

    WBRI = "WBRI", _("White British")
    WIRI = "WIRI", _("White Irish")
    WIRT = "WIRT", _("Traveller of Irish heritage")
    WOTH = "WOTH", _("Any other White background")
    WROM = "WROM", _("Gypsy/Roma")
    MWBC = "MWBC", _("White and Black Caribbean")
    MWBA = "MWBA", _("White and Black African")
    MWAS = "MWAS", _("White and Asian")
    MOTH = "MOTH", _("Any other mixed background")
    AIND = "AIND", _("Indian")
    APKN = "APKN", _("Pakistani")
    ABAN = "ABAN", _("Bangladeshi")
    AOTH = "AOTH", _("Any other Asian background")
    BCRB = "BCRB", _("Black Caribbean")
    BAFR = "BAFR", _("Black African")
    BOTH = "BOTH", _("Any other Black background")
    CHNE = "CHNE", _("Chinese")
    OOTH = "OOTH", _("Any other ethnic group")
    REFU = "REFU", _("Refused")
    NOBT = "NOBT", _("Information not yet obtained")


class Disability(models.TextChoices):
    """Disability (CIN N00099). NONE must stand alone (rule 8790)."""

    NONE = "NONE", _("No disability")
    MOB = "MOB", _("Mobility")
    HAND = "HAND", _("Hand function")
    PC = "PC", _("Personal care")
    INC = "INC", _("Incontinence")
    COMM = "COMM", _("Communication")
    LD = "LD", _("Learning")
    HEAR = "HEAR", _("Hearing")
    VIS = "VIS", _("Vision")
    BEH = "BEH", _("Behaviour")
    CON = "CON", _("Consciousness")
    AUT = "AUT", _("Autism or Asperger's syndrome")
    DDA = "DDA", _("Other disability")


class UPNUnknown(models.TextChoices):
    """Reason a child has no UPN (CIN N00135; SSDA903 accepts UN1 to UN5 only)."""

    UN1 = "UN1", _("Not of school age and no UPN yet")
    UN2 = "UN2", _("Never attended a maintained school in England")
    UN3 = "UN3", _("Educated outside England")
    UN4 = "UN4", _("New to the service and UPN not yet known")
    UN5 = "UN5", _("UPN sources disagree, no reliable match")
    UN6 = "UN6", _("Other reason (CIN census only)")
    UN7 = "UN7", _("Referral with no further action")


class ReferralSource(models.TextChoices):
    """Source of referral (CIN N00152)."""

    INDIVIDUAL_FAMILY = "1A", _("Individual: family member, relative or carer")
    INDIVIDUAL_ACQUAINTANCE = "1B", _("Individual: acquaintance")
    INDIVIDUAL_SELF = "1C", _("Individual: self")
    INDIVIDUAL_OTHER = "1D", _("Individual: other")
    SCHOOLS = "2A", _("Schools")
    EDUCATION_SERVICES = "2B", _("Education services")
    HEALTH_GP = "3A", _("Health: GP")
    HEALTH_VISITOR = "3B", _("Health: health visitor")
    HEALTH_SCHOOL_NURSE = "3C", _("Health: school nurse")
    HEALTH_PRIMARY_OTHER = "3D", _("Health: other primary health services")
    HEALTH_A_AND_E = "3E", _("Health: A&E")
    HEALTH_OTHER = "3F", _("Health: other")
    HOUSING = "4", _("Housing")
    LA_SOCIAL_CARE = "5A", _("Local authority: social care")
    LA_OTHER_INTERNAL = "5B", _("Local authority: other internal services")
    LA_EXTERNAL = "5C", _("Local authority: another authority's services")
    LA_EARLY_HELP = "5D", _("Local authority: early help")
    POLICE = "6", _("Police")
    OTHER_LEGAL = "7", _("Other legal agency")
    OTHER = "8", _("Other")
    ANONYMOUS = "9", _("Anonymous")
    UNKNOWN = "10", _("Unknown")


class PrimaryNeed(models.TextChoices):
    """Primary need (CIN N00101)."""

    N1 = "N1", _("Abuse or neglect")
    N2 = "N2", _("Child's disability")
    N3 = "N3", _("Parental disability or illness")
    N4 = "N4", _("Family in acute stress")
    N5 = "N5", _("Family dysfunction")
    N6 = "N6", _("Socially unacceptable behaviour")
    N7 = "N7", _("Low income")
    N8 = "N8", _("Absent parenting")
    N9 = "N9", _("Cases other than children in need")
    N0 = "N0", _("Not stated")


class ReasonForClosure(models.TextChoices):
    """Reason for closure of a child in need episode (CIN N00103)."""

    RC1 = "RC1", _("Adopted")
    RC2 = "RC2", _("Died")
    RC3 = "RC3", _("Child arrangements order")
    RC4 = "RC4", _("Special guardianship order")
    RC5 = "RC5", _("Transferred to another local authority")
    RC6 = "RC6", _("Transferred to adult social care")
    RC7 = "RC7", _("Services ceased for any other reason")
    RC8 = "RC8", _("Closed after assessment, no further action")
    RC9 = "RC9", _("Closed after assessment, referred to early help")


class AssessmentFactor(models.TextChoices):
    """Factors identified at assessment (CIN N00181)."""

    F1A = "1A", _("Alcohol misuse: child")
    F1B = "1B", _("Alcohol misuse: parent or carer")
    F1C = "1C", _("Alcohol misuse: other household member")
    F2A = "2A", _("Drug misuse: child")
    F2B = "2B", _("Drug misuse: parent or carer")
    F2C = "2C", _("Drug misuse: other household member")
    F3A = "3A", _("Domestic abuse: child is the subject")
    F3B = "3B", _("Domestic abuse: parent or carer is the subject")
    F3C = "3C", _("Domestic abuse: other household member is the subject")
    F4A = "4A", _("Mental health: child")
    F4B = "4B", _("Mental health: parent or carer")
    F4C = "4C", _("Mental health: other household member")
    F5A = "5A", _("Learning disability: child")
    F5B = "5B", _("Learning disability: parent or carer")
    F5C = "5C", _("Learning disability: other household member")
    F6A = "6A", _("Physical disability or illness: child")
    F6B = "6B", _("Physical disability or illness: parent or carer")
    F6C = "6C", _("Physical disability or illness: other household member")
    F7A = "7A", _("Young carer")
    F8B = "8B", _("Privately fostered: overseas child intending to return")
    F8C = "8C", _("Privately fostered: overseas child intending to stay")
    F8D = "8D", _("Privately fostered: UK child in educational placement")
    F8E = "8E", _("Privately fostered: UK child, alternative family arrangement")
    F8F = "8F", _("Privately fostered: other")
    F9A = "9A", _("Unaccompanied asylum-seeking child")
    F10A = "10A", _("Going or being missing")
    F11A = "11A", _("Child sexual exploitation")
    F12A = "12A", _("Trafficking")
    F13A = "13A", _("Gangs")
    F14A = "14A", _("Socially unacceptable behaviour")
    F15A = "15A", _("Self-harm")
    F16A = "16A", _("Abuse or neglect: neglect")
    F17A = "17A", _("Abuse or neglect: emotional abuse")
    F18B = "18B", _("Physical abuse by another child")
    F18C = "18C", _("Physical abuse by an adult")
    F19B = "19B", _("Sexual abuse by another child")
    F19C = "19C", _("Sexual abuse by an adult")
    F20 = "20", _("Other")
    F21 = "21", _("No factors identified")
    F22A = "22A", _("Female genital mutilation")
    F23A = "23A", _("Abuse linked to faith or belief")
    F24A = "24A", _("Child criminal exploitation")


class CategoryOfAbuse(models.TextChoices):
    """Category of abuse of a child protection plan (CIN N00113, N00114)."""

    NEG = "NEG", _("Neglect")
    PHY = "PHY", _("Physical abuse")
    SAB = "SAB", _("Sexual abuse")
    EMO = "EMO", _("Emotional abuse")
    MUL = "MUL", _("Multiple")


class LegalStatus(models.TextChoices):
    """Legal status of a looked-after child (SSDA903 LS)."""

    C1 = "C1", _("Interim care order")
    C2 = "C2", _("Full care order")
    D1 = "D1", _("Freeing order granted")
    E1 = "E1", _("Placement order granted")
    V2 = "V2", _("Single period of accommodation under section 20")
    V3 = "V3", _("Agreed series of short-term breaks, each episode recorded")
    V4 = "V4", _("Agreed series of short-term breaks, agreements recorded")
    L1 = "L1", _("Police protection, in local authority accommodation")
    L2 = "L2", _("Emergency protection order")
    L3 = "L3", _("Child assessment order, in local authority accommodation")
    J1 = "J1", _("Remanded to local authority or youth detention accommodation")
    J2 = "J2", _("Local authority accommodation under PACE 1984")
    J3 = "J3", _("Youth rehabilitation order with residence or fostering requirement")


class CategoryOfNeed(models.TextChoices):
    """Category of need of a looked-after child (SSDA903 CIN)."""

    N1 = "N1", _("Abuse or neglect")
    N2 = "N2", _("Child's disability")
    N3 = "N3", _("Parental illness or disability")
    N4 = "N4", _("Family in acute stress")
    N5 = "N5", _("Family dysfunction")
    N6 = "N6", _("Socially unacceptable behaviour")
    N7 = "N7", _("Low income")
    N8 = "N8", _("Absent parenting")


class ReasonForNewEpisode(models.TextChoices):
    """Reason for new episode (SSDA903 RNE), always derived, never typed."""

    S = "S", _("Started to be looked after")
    L = "L", _("Change of legal status only")
    P = "P", _("Change of placement and carers only")
    T = "T", _("Change of placement, same carers")
    B = "B", _("Change of legal status and of placement and carers")
    U = "U", _("Change of legal status and of placement, same carers")


class PlacementType(models.TextChoices):
    """Placement type (SSDA903 PLACE, 2025-26 list)."""

    A3 = "A3", _("Placed for adoption with consent, with current foster carers")
    A4 = "A4", _("Placed for adoption with consent, not with current foster carers")
    A5 = "A5", _("Placed for adoption with placement order, with current foster carers")
    A6 = "A6", _("Placed for adoption with placement order, not with current foster carers")
    K1 = "K1", _("Secure children's home")
    K2 = "K2", _("Children's home")
    K3 = "K3", _("Registered supported accommodation")
    P1 = "P1", _("Placed with own parents or others with parental responsibility")
    P3 = "P3", _("Residential employment")
    R1 = "R1", _("Residential care home")
    R2 = "R2", _("NHS or health trust establishment")
    R3 = "R3", _("Family centre or mother and baby unit")
    R5 = "R5", _("Young offender institution")
    S1 = "S1", _("Residential school")
    T0 = "T0", _("Temporary move, any type")
    T1 = "T1", _("Temporary period in hospital")
    T2 = "T2", _("Temporary absence on holiday")
    T3 = "T3", _("Temporary placement while usual foster carers are on holiday")
    T4 = "T4", _("Temporary placement of 7 days or less for any other reason")
    U1 = "U1", _("Foster placement with relative or friend: long-term fostering")
    U2 = "U2", _("Foster placement with relative or friend: fostering for adoption")
    U3 = "U3", _("Foster placement with relative or friend: other")
    U4 = "U4", _("Foster placement with other foster carer: long-term fostering")
    U5 = "U5", _("Foster placement with other foster carer: fostering for adoption")
    U6 = "U6", _("Foster placement with other foster carer: other")
    Z11 = "Z11", _("Other placement (Z11)")
    Z12 = "Z12", _("Other placement (Z12)")
    Z13 = "Z13", _("Other placement (Z13)")
    Z14 = "Z14", _("Other placement (Z14)")


class PlacementProvider(models.TextChoices):
    """Placement provider (SSDA903 PLACE_PROVIDER)."""

    PR0 = "PR0", _("Parents or others with parental responsibility")
    PR1 = "PR1", _("Own local authority provision")
    PR2 = "PR2", _("Other local authority provision")
    PR3 = "PR3", _("Other public provision")
    PR4 = "PR4", _("Private provision")
    PR5 = "PR5", _("Voluntary or third sector provision")


class ReasonEpisodeCeased(models.TextChoices):
    """Reason an episode of care ceased (SSDA903 REC)."""

    X1 = "X1", _("Episode ends and a new one begins the same day")
    E11 = "E11", _("Adopted: application unopposed")
    E12 = "E12", _("Adopted: consent dispensed with by the court")
    E13 = "E13", _("Left care to live with parents, relatives or others without PR")
    E14 = "E14", _("Accommodation on remand ended")
    E15 = "E15", _("Age assessment found the child to be 18 or over")
    E16 = "E16", _("Child moved abroad")
    E17 = "E17", _("Aged 18 or over and stayed with current carers")
    E2 = "E2", _("Died")
    E3 = "E3", _("Care taken over by another local authority")
    E41 = "E41", _("Child arrangements order granted")
    E45 = "E45", _("Special guardianship order to former foster carers: relatives or friends")
    E46 = "E46", _("Special guardianship order to former foster carers: other")
    E47 = "E47", _("Special guardianship order to other carers: relatives or friends")
    E48 = "E48", _("Special guardianship order to other carers: other")
    E4A = "E4A", _("Returned home as part of care planning")
    E4B = "E4B", _("Returned home, not part of care planning")
    E5 = "E5", _("Moved to independent living with formal support")
    E6 = "E6", _("Moved to independent living without formal support")
    E7 = "E7", _("Transferred to residential care funded by adult social care")
    E8 = "E8", _("Ceased for any other reason")
    E9 = "E9", _("Sentenced to custody")


class ReasonForPlacementChange(models.TextChoices):
    """Reason for a change of placement (SSDA903 REASON_PLACE_CHANGE)."""

    CARPL = "CARPL", _("Change to or implementation of the care plan")
    CLOSE = "CLOSE", _("Resignation or closure of provision")
    ALLEG = "ALLEG", _("Allegation (section 47)")
    STAND = "STAND", _("Standards of care concern")
    APPRR = "APPRR", _("Approval removed")
    CREQB = "CREQB", _("Carers asked for the placement to end: child's behaviour")
    CREQO = "CREQO", _("Carers asked for the placement to end: other reasons")
    CHILD = "CHILD", _("Child asked for the placement to end")
    LAREQ = "LAREQ", _("Responsible or area authority asked for the placement to end")
    PLACE = "PLACE", _("Change in status of placement only")
    CUSTOD = "CUSTOD", _("Custody arrangement")
    OTHER = "OTHER", _("Other")


class ReviewParticipation(models.TextChoices):
    """How the child took part in a looked-after review (SSDA903 REVIEW_CODE)."""

    PN0 = "PN0", _("Child under 4 at the time of the review")
    PN1 = "PN1", _("Attends and speaks for themself")
    PN2 = "PN2", _("Attends; an advocate or the IRO speaks for them")
    PN3 = "PN3", _("Attends and conveys views non-verbally")
    PN4 = "PN4", _("Attends but does not contribute")
    PN5 = "PN5", _("Does not attend; briefs an advocate or the IRO")
    PN6 = "PN6", _("Does not attend; conveys views another way")
    PN7 = "PN7", _("Does not attend and views not conveyed")


class SDQReason(models.TextChoices):
    """Why no SDQ score was recorded (SSDA903 SDQ_REASON)."""

    SDQ1 = "SDQ1", _("Child under 4 or over 16 at the date of assessment")
    SDQ2 = "SDQ2", _("Carer refused")
    SDQ3 = "SDQ3", _("Not possible because of the severity of the child's disability")
    SDQ4 = "SDQ4", _("Other")
    SDQ5 = "SDQ5", _("Child or young person refused")


class CareLeaverInTouch(models.TextChoices):
    """Whether the authority is in touch with a care leaver (SSDA903 OC3 IN_TOUCH)."""

    YES = "YES", _("In touch")
    NO = "NO", _("Not in touch")
    DIED = "DIED", _("Died")
    REFU = "REFU", _("Young person refuses contact")
    NREQ = "NREQ", _("No longer requires services")
    RHOM = "RHOM", _("Returned home for six months or more")


class CareLeaverActivity(models.TextChoices):
    """Main activity of a care leaver (SSDA903 OC3 ACTIV)."""

    F1 = "F1", _("Full-time higher education")
    P1 = "P1", _("Part-time higher education")
    F2 = "F2", _("Full-time education other than higher")
    P2 = "P2", _("Part-time education other than higher")
    F4 = "F4", _("Full-time apprenticeship")
    P4 = "P4", _("Part-time apprenticeship")
    F5 = "F5", _("Full-time training or employment")
    P5 = "P5", _("Part-time training or employment")
    G4 = "G4", _("Not in education, employment or training: illness or disability")
    G5 = "G5", _("Not in education, employment or training: other")
    G6 = "G6", _("Not in education, employment or training: pregnancy or parenting")
    NOT_KNOWN = "0", _("Not known")


class CareLeaverAccommodation(models.TextChoices):
    """Accommodation of a care leaver (SSDA903 OC3 ACCOM): suffix 1 suitable, 2 unsuitable."""

    B1 = "B1", _("With parents or relatives (suitable)")
    B2 = "B2", _("With parents or relatives (unsuitable)")
    C1 = "C1", _("Community home or other residential care (suitable)")
    C2 = "C2", _("Community home or other residential care (unsuitable)")
    D1 = "D1", _("Semi-independent or transitional accommodation (suitable)")
    D2 = "D2", _("Semi-independent or transitional accommodation (unsuitable)")
    E1 = "E1", _("Supported lodgings (suitable)")
    E2 = "E2", _("Supported lodgings (unsuitable)")
    G1 = "G1", _("Gone abroad (suitable)")
    G2 = "G2", _("Gone abroad (unsuitable)")
    H1 = "H1", _("Deported (suitable)")
    H2 = "H2", _("Deported (unsuitable)")
    K1 = "K1", _("Ordinary lodgings (suitable)")
    K2 = "K2", _("Ordinary lodgings (unsuitable)")
    R1 = "R1", _("Residence not known (suitable)")
    R2 = "R2", _("Residence not known (unsuitable)")
    S2 = "S2", _("No fixed abode or homeless")
    T1 = "T1", _("Foyer or similar (suitable)")
    T2 = "T2", _("Foyer or similar (unsuitable)")
    U1 = "U1", _("Independent living (suitable)")
    U2 = "U2", _("Independent living (unsuitable)")
    V1 = "V1", _("Emergency accommodation (suitable)")
    V2 = "V2", _("Emergency accommodation (unsuitable)")
    W1 = "W1", _("Bed and breakfast (suitable)")
    W2 = "W2", _("Bed and breakfast (unsuitable)")
    X2 = "X2", _("In custody")
    Y1 = "Y1", _("Other accommodation (suitable)")
    Y2 = "Y2", _("Other accommodation (unsuitable)")
    Z1 = "Z1", _("With former foster carers after 18 (suitable)")
    Z2 = "Z2", _("With former foster carers after 18 (unsuitable)")
    NOT_KNOWN = "0", _("Not known")


class AdoptersSex(models.TextChoices):
    """Sex of the adopters (SSDA903 AD1 SEX_ADOPTR)."""

    M1 = "M1", _("Single male")
    F1 = "F1", _("Single female")
    MM = "MM", _("Couple, both male")
    FF = "FF", _("Couple, both female")
    MF = "MF", _("Couple, male and female")


class AdoptersLegalStatus(models.TextChoices):
    """Legal status of the adopters (SSDA903 AD1 LS_ADOPTR)."""

    L0 = "L0", _("Single adopter")
    L11 = "L11", _("Married couple, different sex")
    L12 = "L12", _("Married couple, same sex")
    L2 = "L2", _("Civil partnership couple")
    L3 = "L3", _("Couple, different sex, not married or in a civil partnership")
    L4 = "L4", _("Couple, same sex, not married or in a civil partnership")


class ReasonNoLongerPlacedForAdoption(models.TextChoices):
    """Why a child should no longer be placed for adoption (SSDA903 REASON_PLACED_CEASED)."""

    RD1 = "RD1", _("The child's needs changed after the decision")
    RD2 = "RD2", _("The court did not make a placement order")
    RD3 = "RD3", _("Prospective adopters could not be found")
    RD4 = "RD4", _("Any other reason")


class PreviousPermanence(models.TextChoices):
    """Permanence before this period of care (SSDA903 PREV_PERM)."""

    P1 = "P1", _("Adoption")
    P2 = "P2", _("Special guardianship order")
    P3 = "P3", _("Child arrangements order (with whom the child lives)")
    P4 = "P4", _("Not known")
    Z1 = "Z1", _("No previous permanence option")


class MissingKind(models.TextChoices):
    """Missing or away from placement (SSDA903 MISSING)."""

    MISSING = "M", _("Missing")
    AWAY = "A", _("Away from placement without authorisation")


class SocialWorkerChangeReason(models.TextChoices):
    """Why a child's social worker changed (SSDA903 SW_REASON, DfE guide)."""

    MANAGE = "MANAGE", _("Management decision")
    FCONTA = "FCONTA", _("First contact")
    LEFTRL = "LEFTRL", _("Social worker left the role")
    ORGRST = "ORGRST", _("Organisational restructure")
    TSPROC = "TSPROC", _("Transfer as part of the usual process")
    ABSENC = "ABSENC", _("Social worker absence")
    CHCHAN = "CHCHAN", _("Child asked for a change")
    PCCHAN = "PCCHAN", _("Parent or carer asked for a change")
    SWDIED = "SWDIED", _("Social worker died")
    OTHERS = "OTHERS", _("Other")
