/**
 * Sổ đăng ký văn bản in SQLite: implements core's {@link DocumentRegister}. One sequence per issuing
 * body and year; a subject asked for again keeps its number (and its issue date).
 *
 * @module
 */
import { documentSymbol } from '../core/documents/layout.ts';
import type { DocumentRegister, RegisteredNumber } from '../core/documents/ports.ts';
import { isUniqueViolation, type PrismaClient } from './client.ts';
import { isolated } from './unit-of-work.ts';

type Row = { number: number; typeAbbr: string; issuer: string; issuedOn: string; signedAt: Date | null; subject: string };

const toNumber = (r: Row): RegisteredNumber => ({
  number: r.number,
  symbol: documentSymbol(r.number, r.typeAbbr, r.issuer),
  issuedOn: r.issuedOn,
  signed: r.signedAt !== null,
});

/** How often a reservation is retried when another one took the same number at the same moment. */
const MAX_ATTEMPTS = 5;

export function createDocumentRegister(prisma: PrismaClient): DocumentRegister {
  return {
    async reserve({ issuerAbbr, typeAbbr, subject, issuedOn, byId }) {
      const year = Number(issuedOn.slice(0, 4));
      for (let attempt = 1; ; attempt++) {
        const existing = await prisma.documentNumber.findUnique({ where: { issuer_year_subject: { issuer: issuerAbbr, year, subject } } });
        if (existing) return toNumber(existing);
        const last = await prisma.documentNumber.findFirst({ where: { issuer: issuerAbbr, year }, orderBy: { number: 'desc' }, select: { number: true } });
        try {
          const row = await isolated(prisma, (tx) =>
            tx.documentNumber.create({ data: { issuer: issuerAbbr, year, number: (last?.number ?? 0) + 1, typeAbbr, subject, issuedOn, byId } }),
          );
          return toNumber(row);
        } catch (error) {
          // Another reservation took this number (or this subject) meanwhile: look again.
          if (!isUniqueViolation(error) || attempt >= MAX_ATTEMPTS) throw error;
        }
      }
    },

    async markSigned({ symbol, year, now }) {
      const m = /^0*(\d+)\/(?:([^-/]+)-)?(.+)$/.exec(symbol.trim());
      if (!m) return false;
      const { count } = await prisma.documentNumber.updateMany({
        where: { issuer: m[3]!, year, number: Number(m[1]), ...(m[2] ? { typeAbbr: m[2] } : {}) },
        data: { signedAt: now },
      });
      return count > 0;
    },

    async list({ year }) {
      const rows = await prisma.documentNumber.findMany({ where: { year }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
      return rows.map((r) => ({ ...toNumber(r), subject: r.subject, typeAbbr: r.typeAbbr }));
    },
  };
}
