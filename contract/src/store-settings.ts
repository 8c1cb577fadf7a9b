// A store's settings (protocol 3): what its receipts print (legal name, address, tax number, VAT id,
// header and footer text) and how its tills behave (locale, currency, time zone, PIN lock, discount
// limit, storage alarm). The hub owns them; the admin API edits them (GET/PUT /api/v1/admin/stores/...)
// and each till pulls its own store's row as the downstream entity `store_settings`.
import { z } from 'zod';
import { oncePerBuilder } from './strictness.ts';
import { Currency, IsoTime, Name, StorableString, Uuid } from './primitives.ts';
import { DiscountLimitPercent, IdleLockSeconds } from './terminal.ts';
import {
  MAX_ADDRESS_LINES,
  MAX_ADDRESS_LINE_LENGTH,
  MAX_RECEIPT_TEXT_LENGTH,
  MAX_STORAGE_ALARM_HOURS,
  MAX_TAX_ID_LENGTH,
  MIN_STORAGE_ALARM_HOURS,
} from './limits.ts';

/** The locales the till's receipts and screens are made for (German and English; formats by region). */
export const SUPPORTED_LOCALES = ['de-DE', 'de-AT', 'de-CH', 'en-GB', 'en-US', 'en-IE'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** Any BCP-47 tag, as stored (older stores may hold one outside SUPPORTED_LOCALES). */
export const Locale = z
  .string()
  .regex(/^[A-Za-z0-9-]{2,35}$/, 'a locale is a BCP-47 tag: letters, digits and hyphens')
  .describe('BCP-47 locale for formatting money and dates, e.g. de-DE.');
/** A locale a store may be set to. */
export const SettableLocale = z.enum(SUPPORTED_LOCALES).describe(`The store's locale: one of ${SUPPORTED_LOCALES.join(', ')}.`);

/** An IANA time zone name the runtime knows (Europe/Berlin); checked against Intl, not a list of our own. */
export const TimeZone = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/, 'a time zone is an IANA name such as Europe/Berlin')
  .max(64)
  .refine(isKnownTimeZone, 'not a time zone this system knows (an IANA name such as Europe/Berlin)')
  .describe('IANA time zone of the store, e.g. Europe/Berlin: receipts and day reports use its clock.');

/** An ISO 4217 code in use (Intl's list), for a store being set up or changed. */
export const SettableCurrency = Currency.refine(isKnownCurrency, 'not an ISO 4217 currency code in use').describe('ISO-4217 currency code, e.g. EUR.');

export const StorageAlarmHours = z
  .int()
  .min(MIN_STORAGE_ALARM_HOURS)
  .max(MAX_STORAGE_ALARM_HOURS)
  .describe('Hours unsynced sales may wait on a till whose storage is not persistent before the till raises the alarm.');

/** One printed line: no line breaks inside (the receipt lays lines out itself). */
const PrintedLine = (max: number) =>
  StorableString.trim()
    .min(1)
    .max(max)
    .regex(/^[^\r\n]*$/, 'one line: no line breaks');
/** Free text printed on the receipt; line breaks allowed. Empty means none (stored as null). */
const ReceiptText = StorableString.trim().max(MAX_RECEIPT_TEXT_LENGTH);
/** A tax number or VAT id, loosely: letters, digits, spaces and / . - (formats differ by country). */
const TaxId = StorableString.trim()
  .min(1)
  .max(MAX_TAX_ID_LENGTH)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 /.-]*$/, 'letters, digits, spaces and / . - only');

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isKnownCurrency(code: string): boolean {
  return Intl.supportedValuesOf('currency').includes(code);
}

export const storeSettingsSchemas = oncePerBuilder((object) => {
  /** The settings themselves; nullable texts are absent from the receipt when null. */
  const fields = {
    name: Name.describe("The store's name, as staff know it."),
    legal_name: Name.nullable().describe('The legal name on receipts (e.g. "Musterladen GmbH"); null: the name.'),
    address_lines: z.array(PrintedLine(MAX_ADDRESS_LINE_LENGTH)).max(MAX_ADDRESS_LINES).describe('The address as printed, one entry per line.'),
    tax_number: TaxId.nullable().describe('Tax number (Steuernummer), printed on receipts when set.'),
    vat_id: TaxId.nullable().describe('VAT id (USt-IdNr.), printed on receipts when set.'),
    receipt_header: ReceiptText.nullable().describe('Extra text under the address on every receipt.'),
    receipt_footer: ReceiptText.nullable().describe('Text at the foot of every receipt; null: a plain thank-you.'),
    idle_lock_seconds: IdleLockSeconds,
    discount_limit_percent: DiscountLimitPercent,
    storage_alarm_hours: StorageAlarmHours,
  };
  const storeSettings = object(
    {
      store_id: Uuid,
      ...fields,
      currency: Currency.describe('The store currency: every price and sale of its tills is in it.'),
      locale: Locale,
      time_zone: TimeZone,
      updated_at: IsoTime.describe('When the hub last changed the settings.'),
    },
    { id: 'StoreSettings', description: "A store's settings as its tills pull them (only the till's own store)." },
  );
  const storeSettingsPut = object(
    { ...fields, currency: SettableCurrency.describe('Refused (409) once the store has sales: they are in the old currency.'), locale: SettableLocale, time_zone: TimeZone },
    { id: 'StoreSettingsPut', description: "All of a store's settings at once (a full replacement); texts are trimmed and an empty one is stored as null." },
  );
  const printedStore = object(
    {
      name: fields.name,
      legal_name: fields.legal_name,
      address_lines: fields.address_lines,
      tax_number: fields.tax_number,
      vat_id: fields.vat_id,
      receipt_header: fields.receipt_header,
      receipt_footer: fields.receipt_footer,
      locale: Locale,
    },
    { id: 'PrintedStore', description: "A store's header and footer and its locale as a document printed them (a closed shift's Z report keeps them)." },
  );
  return { storeSettings, storeSettingsPut, printedStore };
});

type Schemas = ReturnType<typeof storeSettingsSchemas>;
export type StoreSettings = z.infer<Schemas['storeSettings']>;
export type StoreSettingsPut = z.infer<Schemas['storeSettingsPut']>;
export type PrintedStore = z.infer<Schemas['printedStore']>;
