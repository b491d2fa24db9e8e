import { describe, expect, it } from 'vitest';
import { foldText, looksBinary, normalizeInbound, tokenize } from '../../../src/core/text/fold.ts';

describe('foldText', () => {
  it('removes diacritics and maps đ/Đ to d', () => {
    expect(foldText('Đường')).toBe('duong');
    expect(foldText('đội')).toBe('doi');
    expect(foldText('Trạm Y tế xã Ia Băng')).toBe('tram y te xa ia bang');
  });

  it('folds NFC and NFD input alike', () => {
    const nfc = 'Chăm sóc sức khỏe Nhân dân'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(foldText(nfd)).toBe(foldText(nfc));
    expect(foldText(nfd)).toBe('cham soc suc khoe nhan dan');
  });

  it('folds old and new tone placement alike', () => {
    expect(foldText('Hòa')).toBe(foldText('Hoà'));
    expect(foldText('Thủy')).toBe(foldText('Thuỷ'));
    expect(foldText('KHỎE')).toBe(foldText('khoẻ'));
    expect(foldText('Hoà')).toBe('hoa');
    expect(foldText('Thuỷ')).toBe('thuy');
    expect(foldText('khoẻ')).toBe('khoe');
  });

  it('collapses punctuation and whitespace runs into single spaces and trims', () => {
    expect(foldText('  Tiêu chí:  y-tế!!\n\t(xã)  ')).toBe('tieu chi y te xa');
    expect(foldText('“Gia Lai chung tay vì người nghèo”')).toBe('gia lai chung tay vi nguoi ngheo');
    expect(foldText('?!… ---')).toBe('');
  });

  it('keeps digits and %', () => {
    expect(foldText('trên 70% cán bộ, 100% lãnh đạo')).toBe('tren 70% can bo 100% lanh dao');
    expect(foldText('3.1.5')).toBe('3 1 5');
  });
});

describe('tokenize', () => {
  it('returns folded tokens in order', () => {
    expect(tokenize('Trạm Y TẾ, cần gì?')).toEqual(['tram', 'y', 'te', 'can', 'gi']);
  });

  it('returns [] for text without words', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' ... ')).toEqual([]);
  });
});

describe('normalizeInbound', () => {
  it('turns NFD into NFC', () => {
    const nfd = 'Trạm y tế khoẻ'.normalize('NFD');
    const out = normalizeInbound(nfd);
    expect(out).toBe('Trạm y tế khoẻ'.normalize('NFC'));
    expect(out.length).toBeLessThan(nfd.length);
  });

  it('keeps tone placement as typed', () => {
    expect(normalizeInbound('Hoà')).toBe('Hoà'.normalize('NFC'));
    expect(normalizeInbound('Hoà')).not.toBe(normalizeInbound('Hòa'));
  });

  it('strips zero-width characters, even between a letter and its tone mark', () => {
    expect(normalizeInbound('y\u200B t\u200Dế\uFEFF')).toBe('y tế');
    expect(normalizeInbound('te\u200B\u0302\u0301')).toBe('tế');
  });

  it('strips control characters but keeps newlines and tabs', () => {
    expect(normalizeInbound('a\u0000b\u0007c\u001Bd\u007F')).toBe('abcd');
    expect(normalizeInbound('dòng 1\n\tdòng 2')).toBe('dòng 1\n\tdòng 2');
  });

  it('turns CRLF and lone CR into LF and trims trailing whitespace per line', () => {
    expect(normalizeInbound('một  \r\nhai\t\rba \u00A0')).toBe('một\nhai\nba');
    expect(normalizeInbound('  thụt lề  \n\n')).toBe('  thụt lề\n\n');
  });
});

describe('looksBinary', () => {
  it('is false for ordinary Vietnamese and English text', () => {
    expect(looksBinary('Tiêu chí mô hình y tế là gì?\n\tXin cảm ơn.')).toBe(false);
    expect(looksBinary('What are the criteria for health?')).toBe(false);
    expect(looksBinary('')).toBe(false);
  });

  it('is true for text full of control or replacement characters', () => {
    expect(looksBinary('PK\u0003\u0004\u0014\u0000\u0006\u0000\b\u0000!\u0000')).toBe(true);
    expect(looksBinary('\uFFFD\uFFFDJFIF\uFFFD\uFFFD\uFFFD')).toBe(true);
    expect(looksBinary('\uE000\uE001\uE002abc')).toBe(true);
  });

  it('tolerates one stray odd character in a long message, not in a short one', () => {
    const text = `${'Xin chào, tôi muốn hỏi về tiêu chí. '.repeat(3)}\uFFFD`;
    expect(looksBinary(text)).toBe(false);
    expect(looksBinary(`ab${'\u0000'.repeat(1)}`)).toBe(true);
  });
});
