// The shape every language's catalog must have: the English catalog's keys, each a string. A missing or
// extra key in another language is a type error where that catalog is declared, and catalogs.test.ts
// checks plurals and placeholders. Plural keys carry i18next's suffixes (`_one`, `_other`).
import type { en } from './en/index.ts';

export type Messages<T> = { readonly [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export type Catalog = Messages<typeof en>;

type StripPlural<K extends string> = K extends `${infer Base}_one` ? Base : K extends `${infer Base}_other` ? Base : K;

/** Every message key of a catalog, dot-separated, plural suffixes removed: what `t` accepts. */
export type MessageKey<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${StripPlural<K>}` : MessageKey<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type BackOfficeKey = MessageKey<typeof en>;
