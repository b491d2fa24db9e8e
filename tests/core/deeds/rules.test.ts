import { describe, expect, it } from 'vitest';
import { cleanText, containsLink, DEED_LIMITS, isRepetitive, startOfLocalDay, textProblem } from '../../../src/core/deeds/rules.ts';

describe('good deed abuse rules', () => {
  it.each(['xem https://abc.vn/x', 'vào www.facebook.com nhé', 'nhắn t.me/banhang', 'zalo.me/0912345678', 'mua tại ban-hang.com', 'bit.ly/abc', 'HTTP://X.Y'])(
    '%j is a link',
    (s) => {
      expect(containsLink(s)).toBe(true);
    },
  );

  it.each(['mục 3.1.5 của kế hoạch', 'T.T.Lan ở thôn 2', 'giúp 2.5 triệu đồng', 'Giúp cụ bà qua đường. Rất tốt.'])('%j is not a link', (s) => {
    expect(containsLink(s)).toBe(false);
  });

  it.each([
    'aaaaaaaaaaaaaaaaaaaaaaaa',
    'tốt tốt tốt tốt tốt tốt tốt',
    '!!!!!!!!!!!!!!!!!!!!!!!',
    'hay quá điiiiiiiiiiiiiiiii',
    'Tốt TỐT tốt tot tốt quá',
    'hahahahahahahahahahaha',
    'hihi hihi hihi hihi hihi',
  ])('%j is repetitive', (s) => {
    expect(isRepetitive(s)).toBe(true);
  });

  it.each([
    'Giúp cụ bà qua đường ở ngã ba chợ lúc trời mưa to',
    'Anh A, anh B và anh C sửa cầu',
    'Nhặt được ví tiền trả lại người mất',
    'Các cháu cười hahaha khi được tặng sách vở mới ở thôn 2',
  ])('%j is not repetitive', (s) => {
    expect(isRepetitive(s)).toBe(false);
  });

  it('a typed answer is cleaned (NFC, single spaces) and checked in order', () => {
    expect(cleanText('  Thôn\n  Đồng   Tâm '.normalize('NFD'))).toBe('Thôn Đồng Tâm');
    expect(textProblem('ngắn', DEED_LIMITS.description)).toEqual({ code: 'too-short', min: 20 });
    expect(textProblem('x'.repeat(1001), DEED_LIMITS.description)).toMatchObject({ code: 'too-long', max: 1000, length: 1001 });
    expect(textProblem('12345678901234567890123', DEED_LIMITS.description)).toEqual({ code: 'need-letters' });
    expect(textProblem('Mời xem ở www.abc.vn để biết thêm', DEED_LIMITS.description)).toEqual({ code: 'link' });
    expect(textProblem('hay hay hay hay hay hay hay', DEED_LIMITS.description)).toEqual({ code: 'repeated' });
    expect(textProblem('Giúp cụ bà qua đường ở ngã ba chợ', DEED_LIMITS.description)).toBeNull();
  });

  it('a local day starts at local midnight (UTC+7 in Vietnam; across DST elsewhere)', () => {
    expect(startOfLocalDay('2026-12-01', 'Asia/Ho_Chi_Minh').toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfLocalDay('2026-01-01', 'UTC').toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});
