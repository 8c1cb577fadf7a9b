// Personal an der Kasse: PIN-Sperre, Kassiererwechsel und Freigabe durch eine Führungskraft.
import type { TillPermission } from '../../../api/till-api.ts';
import type { staff as en } from '../en/staff.ts';
import type { Messages } from '../messages.ts';

export const staff: Messages<typeof en> = {
  lockTitle: 'Wer ist an der Kasse?',
  lockIntro: 'Tippen Sie auf Ihren Namen und geben Sie Ihre PIN ein.',
  noStaff: 'Für diese Filiale ist noch kein Personal angelegt. Es kommt mit der nächsten Synchronisierung, sobald das Backoffice es anlegt.',
  pinFor: 'PIN für {{name}}',
  pinLabel: 'PIN',
  pinDots_one: '{{count}} Ziffer eingegeben',
  pinDots_other: '{{count}} Ziffern eingegeben',
  keypad: 'PIN-Tastatur',
  backspace: 'Letzte Ziffer löschen',
  clear: 'Leeren',
  signIn: 'Anmelden',
  checking: 'Wird geprüft…',
  back: 'Anderen Namen wählen',
  wrongPin_one: 'Falsche PIN. Noch {{count}} Versuch, dann wird die PIN-Eingabe für eine Minute gesperrt.',
  wrongPin_other: 'Falsche PIN. Noch {{count}} Versuche, dann wird die PIN-Eingabe für eine Minute gesperrt.',
  locked: 'Zu viele falsche PINs. Die PIN-Eingabe ist bis {{time}} gesperrt.',
  unknownStaff: 'Diese Person kann sich hier nicht mehr anmelden. Wählen Sie einen anderen Namen.',
  notPermitted: '{{name}} darf das auch nicht freigeben.',
  signedInAs: 'Kasse: {{name}}',
  switchCashier: 'Kassierer wechseln',
  lockNow: 'Sperren',
  approvalTitle: 'Freigabe durch Führungskraft',
  approvalIntro: '{{name}} darf nicht {{action}}. Eine Führungskraft kann es mit ihrer PIN freigeben.',
  approvalWho: 'Führungskraft',
  approve: 'Freigeben',
  approved: 'Freigegeben von {{name}}.',
  permission: {
    refund: 'erstatten',
    stock_adjust: 'den Bestand ändern',
    discount_over_limit: 'einen Rabatt über dem Limit der Filiale geben',
    price_override: 'Preise ändern',
    close_shift: 'die Schicht abschließen',
    open_drawer: 'die Kassenlade ohne Verkauf öffnen',
    settings_and_pairing: 'Einstellungen ändern oder die Kasse koppeln',
    export_unsynced: 'nicht synchronisierte Verkäufe exportieren',
  } satisfies Record<TillPermission, string>,
};
