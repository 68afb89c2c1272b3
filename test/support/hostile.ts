/**
 * Hostile adapter results for fuzzing the boundary (fast-check arbitraries): wrong types, huge and
 * odd numbers, long strings, prototype keys, deep nesting, near-miss objects.
 */
import fc from 'fast-check';
import type { ExpressAdapter } from '../../src/contract/types.js';

/** Hostile values: wrong types, huge and odd numbers, long strings, prototype keys, deep nesting. */
export const oddNumber = fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0.1, NaN, Infinity, -Infinity, 2 ** 53, -1);
export const protoKeyed = fc.constantFrom(
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"data":[{"__proto__":{"polluted":1}}],"has_more":false}',
).map((text) => JSON.parse(text) as unknown);
export const leaf = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  oddNumber,
  fc.string({ maxLength: 20_000 }).filter((s) => s.length > 0),
  fc.constantFrom(undefined, null, true, '', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', Symbol('s')),
  protoKeyed,
);
export const deep = fc.integer({ min: 50, max: 2000 }).map((n) => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
});

/** A valid object with one field replaced, removed or added (the most likely near-misses). */
export function mutated(base: object): fc.Arbitrary<unknown> {
  const keys = Object.keys(base);
  return fc.record({ key: fc.constantFrom(...keys, '__proto__', 'extra'), value: leaf, drop: fc.boolean() }).map(({ key, value, drop }) => {
    const copy = structuredClone(base) as Record<string, unknown>;
    if (drop) delete copy[key];
    else Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
    return copy;
  });
}
export const listOf = (item: object) =>
  fc.oneof(
    fc.record({ data: fc.array(fc.oneof(mutated(item), leaf, fc.constant(structuredClone(item))), { maxLength: 6 }), has_more: fc.oneof(fc.boolean(), leaf) }),
    leaf,
  );
export const anything = (valid: object) => fc.oneof(leaf, deep, mutated(valid), fc.anything({ maxDepth: 4 }));

/** An adapter whose every method resolves (or rejects, or throws) with `value`. */
export function adapterOf(value: unknown, how: 'resolve' | 'reject' | 'throw' | 'plain'): ExpressAdapter {
  const answer = () => {
    if (how === 'throw') throw value;
    if (how === 'plain') return value as never;
    return (how === 'resolve' ? Promise.resolve(value) : Promise.reject(value)) as never;
  };
  return {
    getAccount: answer,
    getBalance: answer,
    listBalanceTransactions: answer,
    listPayouts: answer,
    createLoginLink: answer,
    getNetVolume: answer,
  };
}

