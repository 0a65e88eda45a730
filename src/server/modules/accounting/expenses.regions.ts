/**
 * The B4SI region of a country (ISO 3166-1 alpha-2), the default region of a company's expenses.
 * B4SI reports five regions; Central America and the Caribbean go with South America (Latin America),
 * Russia and Turkey with Europe, the Gulf and North Africa with the Middle East and Africa.
 */
const REGIONS: Record<string, string> = {
  north_america: 'US CA GL BM PM',
  south_america:
    'MX GT BZ SV HN NI CR PA CU DO HT JM PR TT BS BB AG DM GD KN LC VC AW CW SX BQ KY TC VG VI AI MS GP MQ BL MF ' +
    'CO VE EC PE BO BR PY UY AR CL GY SR GF FK',
  europe:
    'GB IE FR DE NL BE LU CH AT IT ES PT AD MC SM VA MT LI IS NO SE FI DK EE LV LT PL CZ SK HU SI HR BA RS ME MK AL ' +
    'GR CY BG RO MD UA BY RU TR GE AM AZ XK FO GI IM JE GG AX',
  middle_east_africa:
    'SA AE QA KW BH OM YE IQ IR SY JO LB IL PS EG LY TN DZ MA EH MR ML NE TD SD SS ER DJ SO ET KE UG RW BI TZ MZ ' +
    'MW ZM ZW BW NA ZA LS SZ AO CD CG GA GQ CM CF NG BJ TG GH CI LR SL GN GW SN GM CV ST MG MU SC KM RE YT SH BF',
};

const BY_COUNTRY = new Map<string, string>(
  Object.entries(REGIONS).flatMap(([region, codes]) => codes.split(' ').map((c) => [c, region])),
);

/** The B4SI region code of a country; Asia Pacific for the rest (Japan, India, Thailand, Australia …). */
export function b4siRegionOf(country: string): string {
  return BY_COUNTRY.get(country.toUpperCase()) ?? 'asia_pacific';
}
