// The shape every language's catalog must have: the English catalog's keys, each a string. A
// missing or extra key in another language is a type error where that catalog is declared.
// Plural keys carry i18next's suffixes for the Intl.PluralRules categories (`_one`, `_other`);
// German and English use the same two, and the catalog test checks each language's categories.
import type { en } from './en/index.ts';

export type Messages<T> = { readonly [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export type Catalog = Messages<typeof en>;
