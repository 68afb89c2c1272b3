import { expect } from '@open-wc/testing';
import { CATEGORIES } from '../../src/contract/categories.js';
import { EXPRESS_ERROR_CODES } from '../../src/contract/errors.js';
import { DEFAULT_ERROR_MESSAGES } from '../../src/contract/error-messages.js';
import {
  SUPPORTED_LANGUAGES, de, en, es, format, fr, ja, languageFor, stringsFor, type Strings,
} from '../../src/core/i18n/index.js';

// Type level: a table with a missing key is not a `Strings` (tsc fails if these lines compile).
const { login: _login, ...withoutLogin } = en;
// @ts-expect-error a whole group missing
const _missingGroup: Strings = withoutLogin;
const { retry: _retry, ...commonWithoutRetry } = en.common;
// @ts-expect-error one key missing inside a group
const _missingKey: Strings = { ...en, common: commonWithoutRetry };
// @ts-expect-error a count message must stay a function
const _wrongKind: Strings = { ...en, earnings: { ...en.earnings, loaded: 'Loaded' } };
void [_login, _missingGroup, _retry, _missingKey, _wrongKind];

const TABLES: Record<string, Strings> = { fr, de, es, ja };
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Every leaf of `en` as [path, value]. */
function leaves(obj: Record<string, unknown>, prefix = ''): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v)) out.push(...leaves(v, path));
    else out.push([path, v]);
  }
  return out;
}
function at(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (isPlainObject(o) ? o[k] : undefined), obj);
}
function keysDeep(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    return isPlainObject(v) ? [path, ...keysDeep(v, path)] : [path];
  });
}

describe('string tables', () => {
  const enLeaves = leaves(en as unknown as Record<string, unknown>);

  it('has a table for every supported language', () => {
    expect([...SUPPORTED_LANGUAGES].sort()).to.deep.equal(['de', 'en', 'es', 'fr', 'ja']);
    for (const lang of SUPPORTED_LANGUAGES) expect(stringsFor(lang), lang).to.be.an('object');
  });

  for (const [lang, table] of Object.entries(TABLES)) {
    describe(lang, () => {
      it('has exactly the keys of en, each of the same kind', () => {
        expect(keysDeep(table as unknown as Record<string, unknown>).sort()).to.deep.equal(
          keysDeep(en as unknown as Record<string, unknown>).sort(),
        );
        for (const [path, value] of enLeaves) expect(typeof at(table, path), `${lang}.${path}`).to.equal(typeof value);
      });

      it('keeps every placeholder of en and never contains HTML', () => {
        for (const [path, value] of enLeaves) {
          if (typeof value !== 'string') continue;
          const t = at(table, path) as string;
          expect(t.trim(), `${lang}.${path} is empty`).to.not.equal('');
          expect(placeholders(t), `${lang}.${path} placeholders`).to.deep.equal(placeholders(value));
          expect(t, `${lang}.${path}`).to.not.match(/[<>]/);
        }
      });

      it('is translated, not copied from en', () => {
        const strings = enLeaves.filter(([, v]) => typeof v === 'string');
        const same = strings.filter(([path, v]) => at(table, path) === v).map(([p]) => p);
        // Words like "Total", "ID", "Transactions" are legitimately the same in some languages.
        expect(same.length / strings.length, `identical to en: ${same.join(', ')}`).to.be.below(0.15);
      });

      it('gives finished text from every count function, in every plural form', () => {
        for (const [path, value] of enLeaves) {
          if (typeof value !== 'function') continue;
          const fn = at(table, path) as (n: number, locale?: string) => string;
          for (const n of [0, 1, 2, 3, 5, 11, 21, 22, 1000, 1_000_000]) {
            const text = fn(n);
            expect(text, `${lang}.${path}(${n})`).to.be.a('string').and.not.equal('');
            expect(text, `${lang}.${path}(${n})`).to.not.match(/[{}<>]/);
            expect(fn(n, `${lang}-ZZ`), `${lang}.${path}(${n}, region)`).to.not.match(/[{}]/);
          }
        }
      });
    });
  }

  it('has a label for every category and a message for every error code in every language', () => {
    for (const table of [en, ...Object.values(TABLES)]) {
      for (const c of CATEGORIES) {
        expect(table.categories.plural[c]).to.be.a('string').and.not.equal('');
        expect(table.categories.singular[c]).to.be.a('string').and.not.equal('');
      }
      for (const code of EXPRESS_ERROR_CODES) expect(table.common.errors[code]).to.be.a('string').and.not.equal('');
    }
  });

  it("agrees with ExpressError's English default messages", () => {
    expect(en.common.errors).to.deep.equal(DEFAULT_ERROR_MESSAGES);
  });

  it('has the English words the elements show', () => {
    expect(en.categories.plural.charge).to.equal('Payments');
    expect(en.categories.singular.payout).to.equal('Payout');
    expect(format(en.descriptions.charge, { platform: 'Lumen Rides' })).to.equal('Payment from Lumen Rides');
    expect(format(en.statuses.pendingUntil, { date: 'Nov 28' })).to.equal('Pending until Nov 28');
    expect(en.transactions.empty).to.equal('No transactions in this period');
    expect(en.earnings.ranges.ytd).to.equal('Year to date');
    expect(format(en.earnings.up, { pct: '12.4%', previous: 'Oct 9 – Nov 7' })).to.equal('up 12.4% vs Oct 9 – Nov 7');
    expect(format(en.login.expired, { platform: 'Lumen Rides' })).to.equal(
      'This link has expired. Go back to Lumen Rides and open the dashboard again.',
    );
  });
});

describe('plural and number forms', () => {
  it('picks the English singular and plural and groups digits', () => {
    expect(en.earnings.loaded(1)).to.equal('Loaded 1 transaction');
    expect(en.earnings.loaded(3200)).to.equal('Loaded 3,200 transactions');
    expect(en.transactions.exported(0)).to.equal('Exported 0 transactions');
    expect(en.login.attemptsLeft(1)).to.equal('That code is not correct. You have 1 attempt left.');
    expect(en.login.rateLimited(30)).to.equal('Too many requests. Try again in 30 seconds.');
  });

  it('uses French rules: 0 and 1 are singular', () => {
    expect(fr.earnings.loaded(0)).to.equal('0 transaction chargée');
    expect(fr.earnings.loaded(1)).to.equal('1 transaction chargée');
    expect(fr.earnings.loaded(2)).to.equal('2 transactions chargées');
    const million = fr.earnings.loaded(1_000_000);
    if (new Intl.PluralRules('fr').select(1_000_000) === 'many') expect(million).to.match(/^1\s000\s000 de transactions chargées$/u);
    else expect(million).to.match(/^1\s000\s000 transactions chargées$/u);
  });

  it("formats the count for the reader's full locale when given", () => {
    expect(de.earnings.loaded(3200)).to.equal('3.200 Transaktionen geladen');
    const swiss = `${new Intl.NumberFormat('de-CH').format(3200)} Transaktionen geladen`;
    expect(de.earnings.loaded(3200, 'de-CH')).to.equal(swiss);
    expect(swiss).to.not.equal('3.200 Transaktionen geladen');
  });

  it("falls back to the table's language for an invalid locale", () => {
    expect(en.earnings.loaded(2, 'not a locale!')).to.equal('Loaded 2 transactions');
  });

  it('words payout schedules with ordinals per language', () => {
    expect(en.balance.daily(1)).to.equal('Daily, 1 day after payment');
    expect(en.balance.daily(2)).to.equal('Daily, 2 days after payment');
    expect(en.balance.weekly('friday')).to.equal('Weekly on Friday');
    expect(en.balance.weekly('someday')).to.equal('Weekly');
    const ord = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map((n) => en.balance.ordinal(n));
    expect(ord).to.deep.equal(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '31st']);
    expect(en.balance.monthly(15)).to.equal('Monthly on the 15th');
    expect(fr.balance.monthly(1)).to.equal('Tous les mois, le 1er');
    expect(fr.balance.monthly(15)).to.equal('Tous les mois, le 15');
    expect(fr.balance.daily(1)).to.equal('Tous les jours, 1 jour après le paiement');
    expect(de.balance.monthly(15)).to.equal('Monatlich am 15.');
    expect(de.balance.weekly('friday')).to.equal('Wöchentlich am Freitag');
    expect(es.balance.weekly('saturday')).to.equal('Semanal, los sábados');
    expect(es.balance.daily(2)).to.equal('Diario, 2 días después del pago');
    expect(ja.balance.monthly(15)).to.equal('毎月15日');
    expect(ja.balance.weekly('friday')).to.equal('毎週金曜日');
  });
});

describe('stringsFor', () => {
  it('matches a locale to its language', () => {
    expect(stringsFor('fr-CA')).to.equal(fr);
    expect(stringsFor('ja-JP')).to.equal(ja);
    expect(stringsFor('de')).to.equal(de);
    expect(stringsFor('es-419')).to.equal(es);
    expect(stringsFor('de-Latn-CH')).to.equal(de);
    expect(stringsFor('EN-gb')).to.equal(en);
    expect(stringsFor('fr_CA')).to.equal(fr);
  });

  it('falls back to English for unsupported or invalid locales', () => {
    for (const l of ['pt-BR', 'zh-Hant-TW', 'ar', '', 'garbage!!', 'x', null, undefined]) {
      expect(stringsFor(l), String(l)).to.equal(en);
      expect(languageFor(l), String(l)).to.equal('en');
    }
  });
});

describe('format', () => {
  it('fills named placeholders, repeated and numeric', () => {
    expect(format('{a} and {a}, {n}', { a: 'x', n: 3 })).to.equal('x and x, 3');
    expect(format('Resend code in {seconds}s', { seconds: 0 })).to.equal('Resend code in 0s');
  });

  it('leaves unknown placeholders alone', () => {
    expect(format('Hello {name}, {other}', { name: 'A' })).to.equal('Hello A, {other}');
    expect(format('{toString}', {})).to.equal('{toString}');
  });

  it('inserts values as literal text: HTML, placeholders and $-patterns are not interpreted', () => {
    const html = '<img src=x onerror="alert(1)">';
    expect(format(en.descriptions.charge, { platform: html })).to.equal(`Payment from ${html}`);
    expect(format('{a}{b}', { a: '{b}', b: 'B' })).to.equal('{b}B');
    expect(format('{a}', { a: "$& $1 $$ $'" })).to.equal("$& $1 $$ $'");
  });
});
