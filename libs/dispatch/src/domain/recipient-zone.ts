import { getCountry } from 'countries-and-timezones';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { isTimeZone } from '@app/campaign';

/**
 * The zone most of a multi-zone country's people live in (the tz database lists them alphabetically).
 * Antarctica, French Southern Territories and the US Minor Outlying Islands have no such zone: their
 * recipients take the campaign's fallback.
 */
const MOST_POPULOUS_ZONE: Readonly<Record<string, string>> = {
  AR: 'America/Argentina/Buenos_Aires', AU: 'Australia/Sydney', BR: 'America/Sao_Paulo', CA: 'America/Toronto', CD: 'Africa/Kinshasa',
  CL: 'America/Santiago', CN: 'Asia/Shanghai', CY: 'Asia/Nicosia', DE: 'Europe/Berlin', EC: 'America/Guayaquil', ES: 'Europe/Madrid',
  FM: 'Pacific/Pohnpei', GL: 'America/Nuuk', ID: 'Asia/Jakarta', KI: 'Pacific/Tarawa', KZ: 'Asia/Almaty', MH: 'Pacific/Majuro',
  MN: 'Asia/Ulaanbaatar', MX: 'America/Mexico_City', MY: 'Asia/Kuala_Lumpur', NZ: 'Pacific/Auckland', PF: 'Pacific/Tahiti',
  PG: 'Pacific/Port_Moresby', PS: 'Asia/Gaza', PT: 'Europe/Lisbon', RU: 'Europe/Moscow', UA: 'Europe/Kyiv', US: 'America/New_York',
  UZ: 'Asia/Tashkent', VN: 'Asia/Ho_Chi_Minh',
};

const byCountry = new Map<string, string | null>();

/** The zone of a country: its only one, or its most populous; null when it has several and none stands out. */
export function countryZone(country: string): string | null {
  if (!byCountry.has(country)) {
    const zones = getCountry(country)?.timezones ?? [];
    const zone = zones.length === 1 ? zones[0] : (MOST_POPULOUS_ZONE[country] ?? null);
    byCountry.set(country, zone && isTimeZone(zone) ? zone : null);
  }
  return byCountry.get(country)!;
}

/**
 * A recipient's time zone: the contact's own (`custom_fields.timezone`, when it is a zone), else its phone
 * number's country's, else `fallback`.
 */
export function recipientZone(phone: string, contactZone: unknown, fallback: string): string {
  if (typeof contactZone === 'string' && isTimeZone(contactZone)) return contactZone;
  const country = parsePhoneNumberFromString(phone)?.country;
  return (country && countryZone(country)) || fallback;
}
