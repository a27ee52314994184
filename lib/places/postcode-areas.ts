// UK postcode areas (the letters before the first digit of a postcode) and the post town each is
// named after, so a PCN can be found by town ("Leeds" → practices with LS postcodes). Royal Mail's
// postcode areas, public reference data (not derived from NHS England's files). An area covers
// more than its town (LS also holds Otley, Wetherby and Ilkley), so matches say "postcode area LS
// (Leeds)" rather than claiming the practice is in the town.
// Pure: no database, framework or env.

export const POSTCODE_AREAS: Readonly<Record<string, string>> = Object.freeze({
  AB: "Aberdeen", AL: "St Albans", B: "Birmingham", BA: "Bath", BB: "Blackburn", BD: "Bradford",
  BH: "Bournemouth", BL: "Bolton", BN: "Brighton", BR: "Bromley", BS: "Bristol", BT: "Belfast",
  CA: "Carlisle", CB: "Cambridge", CF: "Cardiff", CH: "Chester", CM: "Chelmsford", CO: "Colchester",
  CR: "Croydon", CT: "Canterbury", CV: "Coventry", CW: "Crewe", DA: "Dartford", DD: "Dundee",
  DE: "Derby", DG: "Dumfries", DH: "Durham", DL: "Darlington", DN: "Doncaster", DT: "Dorchester",
  DY: "Dudley", E: "London (East)", EC: "London (East Central)", EH: "Edinburgh", EN: "Enfield",
  EX: "Exeter", FK: "Falkirk", FY: "Blackpool", G: "Glasgow", GL: "Gloucester", GU: "Guildford",
  HA: "Harrow", HD: "Huddersfield", HG: "Harrogate", HP: "Hemel Hempstead", HR: "Hereford",
  HS: "Outer Hebrides", HU: "Hull", HX: "Halifax", IG: "Ilford", IP: "Ipswich", IV: "Inverness",
  KA: "Kilmarnock", KT: "Kingston upon Thames", KW: "Kirkwall", KY: "Kirkcaldy", L: "Liverpool",
  LA: "Lancaster", LD: "Llandrindod Wells", LE: "Leicester", LL: "Llandudno", LN: "Lincoln",
  LS: "Leeds", LU: "Luton", M: "Manchester", ME: "Rochester", MK: "Milton Keynes", ML: "Motherwell",
  N: "London (North)", NE: "Newcastle upon Tyne", NG: "Nottingham", NN: "Northampton", NP: "Newport",
  NR: "Norwich", NW: "London (North West)", OL: "Oldham", OX: "Oxford", PA: "Paisley", PE: "Peterborough",
  PH: "Perth", PL: "Plymouth", PO: "Portsmouth", PR: "Preston", RG: "Reading", RH: "Redhill",
  RM: "Romford", S: "Sheffield", SA: "Swansea", SE: "London (South East)", SG: "Stevenage",
  SK: "Stockport", SL: "Slough", SM: "Sutton", SN: "Swindon", SO: "Southampton", SP: "Salisbury",
  SR: "Sunderland", SS: "Southend-on-Sea", ST: "Stoke-on-Trent", SW: "London (South West)",
  SY: "Shrewsbury", TA: "Taunton", TD: "Galashiels", TF: "Telford", TN: "Tonbridge", TQ: "Torquay",
  TR: "Truro", TS: "Cleveland (Middlesbrough, Stockton)", TW: "Twickenham", UB: "Southall", W: "London (West)",
  WA: "Warrington", WC: "London (West Central)", WD: "Watford", WF: "Wakefield", WN: "Wigan",
  WR: "Worcester", WS: "Walsall", WV: "Wolverhampton", YO: "York", ZE: "Lerwick",
});

/** The postcode area of a postcode ("LS6 1AB" → "LS"), or null when it does not look like one. */
export function postcodeArea(postcode: string): string | null {
  const m = /^([A-Z]{1,2})\d/.exec(postcode.trim().toUpperCase());
  return m ? m[1]! : null;
}

/** The outward code (district) of a postcode: "LS6 1AB" → "LS6", "LS61AB" → "LS6". */
export function outwardCode(postcode: string): string | null {
  const p = postcode.toUpperCase().replace(/\s+/g, "");
  if (!/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(p)) return null;
  return p.slice(0, -3);
}

/** What a search text asks of a practice's postcode, or null when it cannot be (part of) one. */
export type PostcodeQuery =
  | { kind: "area"; area: string }
  | { kind: "district"; district: string; area: string }
  | { kind: "postcode"; prefix: string; district: string; area: string };

/**
 * Reads a search text as a postcode: "LS" (a known area), "LS6" (a district: only LS6, not LS60),
 * "LS6 1" (the start of a full postcode: the space ends the district) or "LS61AB" (a whole one).
 * Case and extra spaces do not matter.
 */
export function parsePostcodeQuery(text: string): PostcodeQuery | null {
  const words = text.trim().toUpperCase().split(/\s+/).filter(Boolean);
  const known = (d: string) => {
    const m = /^([A-Z]{1,2})\d[A-Z\d]?$/.exec(d);
    return m && Object.hasOwn(POSTCODE_AREAS, m[1]!) ? m[1]! : null;
  };
  if (words.length === 2) {
    const [out, inw] = words as [string, string];
    const area = known(out);
    return area && /^\d[A-Z]{0,2}$/.test(inw) ? { kind: "postcode", prefix: out + inw, district: out, area } : null;
  }
  if (words.length !== 1) return null;
  const t = words[0]!;
  if (/^[A-Z]{1,2}$/.test(t)) return Object.hasOwn(POSTCODE_AREAS, t) ? { kind: "area", area: t } : null;
  const whole = outwardCode(t);
  if (whole) {
    const area = known(whole);
    return area ? { kind: "postcode", prefix: t, district: whole, area } : null;
  }
  const area = known(t);
  return area ? { kind: "district", district: t, area } : null;
}

/** Does a practice's postcode answer the query? */
export function postcodeMatches(postcode: string, q: PostcodeQuery): boolean {
  const p = postcode.toUpperCase().replace(/\s+/g, "");
  if (q.kind === "area") return postcodeArea(p) === q.area;
  if (q.kind === "district") return outwardCode(p) === q.district;
  // The start of a postcode: its district must be the one asked ("LS6 3" is not LS63 …).
  return outwardCode(p) === q.district && p.startsWith(q.prefix);
}

/** Postcode areas whose town's name starts with the text (3 letters or more): "Leeds" → ["LS"]. */
export function areasForPlace(text: string): string[] {
  const t = text.trim().replace(/\s+/g, " ").toUpperCase();
  if (t.length < 3) return [];
  return Object.entries(POSTCODE_AREAS)
    .filter(([, town]) => town.toUpperCase().startsWith(t) || town.toUpperCase().replace(/[^A-Z ]/g, "").startsWith(t))
    .map(([area]) => area);
}
