import { describe, expect, it } from 'vitest';
import { someErrorInChain } from '../../src/db/error-chain.ts';
import { isConflictError } from '../../src/db/postgres.ts';

const hasCode = (code: string) => (e: { code?: unknown }) => e.code === code;

describe('someErrorInChain', () => {
  it("finds the code on the error, on its cause, or on Prisma's driverAdapterError, however nested", () => {
    const driver = Object.assign(new Error('driver'), { code: 'X' });
    expect(someErrorInChain(driver, hasCode('X'))).toBe(true);
    expect(someErrorInChain(new Error('outer', { cause: new Error('mid', { cause: driver }) }), hasCode('X'))).toBe(true);
    expect(someErrorInChain(Object.assign(new Error('prisma'), { meta: { driverAdapterError: new Error('a', { cause: driver }) } }), hasCode('X'))).toBe(true);
    expect(someErrorInChain(new Error('outer', { cause: driver }), hasCode('Y'))).toBe(false);
  });

  it('is false for what is not an object, and stops on a cycle and after eight links', () => {
    expect(someErrorInChain(null, () => true)).toBe(false);
    expect(someErrorInChain('SQLITE_BUSY', () => true)).toBe(false);
    const a: { cause?: unknown } = {};
    a.cause = { cause: a };
    expect(someErrorInChain(a, hasCode('X'))).toBe(false);
    const deep = (n: number): unknown => (n === 0 ? { code: 'X' } : { cause: deep(n - 1) });
    expect(someErrorInChain(deep(7), hasCode('X'))).toBe(true);
    expect(someErrorInChain(deep(8), hasCode('X'))).toBe(false);
  });
});

describe('isConflictError (PostgreSQL asks for a retry)', () => {
  it('recognises P2034 and SQLSTATE 40001 / 40P01, also as a cause, and nothing else', () => {
    expect(isConflictError(Object.assign(new Error('write conflict'), { code: 'P2034' }))).toBe(true);
    expect(isConflictError(Object.assign(new Error('prisma'), { meta: { driverAdapterError: { originalCode: '40001' } } }))).toBe(true);
    expect(isConflictError(new Error('wrapped', { cause: Object.assign(new Error('deadlock detected'), { code: '40P01' }) }))).toBe(true);
    expect(isConflictError(Object.assign(new Error('unique'), { code: 'P2002' }))).toBe(false);
    expect(isConflictError(undefined)).toBe(false);
  });
});
