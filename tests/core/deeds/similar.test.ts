import { describe, expect, it } from 'vitest';
import { descriptionWords, doerKey, findSimilar, jaccard, placeKey, SIMILARITY_THRESHOLD } from '../../../src/core/deeds/similar.ts';

const known = [
  { id: 1, doerName: 'Anh Nguyễn Văn An', place: 'Thôn Đồng Tâm', description: 'Giúp cụ bà qua đường ở ngã ba chợ lúc trời mưa to' },
  { id: 2, doerName: 'Chị Rơ Mah Hờ Bia', place: 'Làng Bi', description: 'Nhặt được ví tiền và trả lại cho người đánh rơi' },
  { id: 3, doerName: 'Các cháu học sinh', place: 'Thôn Đồng Tâm', description: 'Dọn rác ở bờ suối sau nhà văn hóa thôn' },
];

describe('similar good deeds', () => {
  it('the doer key drops case, diacritics, đ and leading honorifics', () => {
    expect(doerKey('Ông Nguyễn Văn An')).toBe('nguyen van an');
    expect(doerKey('anh nguyen van an')).toBe('nguyen van an');
    expect(doerKey('Đinh Thị Hoà'.normalize('NFD'))).toBe('dinh thi hoa');
    // a lone honorific is kept rather than emptied
    expect(doerKey('Bác')).toBe('bac');
    expect(doerKey('Gia đình ông Rơ Mah Thơm')).toBe(doerKey('ông Rơ Mah Thơm'));
    expect(doerKey('Nhà bà Hoa')).toBe('hoa');
    expect(placeKey('Thôn  Đồng-Tâm')).toBe('thon dong tam');
  });

  it('finds the same doer written without diacritics', () => {
    const found = findSimilar({ doerName: 'anh nguyen van an', place: 'Làng Mới', description: 'Sửa lại cây cầu tre bắc qua suối cho bà con đi lại' }, known);
    expect(found.map((f) => [f.deed.id, f.reason])).toEqual([[1, 'doer']]);
  });

  it('finds the same doer and the same place in NFD (decomposed) input', () => {
    const nfd = (s: string) => s.normalize('NFD');
    const byDoer = findSimilar({ doerName: nfd('Chị Rơ Mah Hờ Bia'), place: 'Chợ xã', description: 'Trả lại tiền cho khách' }, known);
    expect(byDoer.map((f) => f.deed.id)).toEqual([2]);
    const byPlace = findSimilar({ doerName: 'Một người', place: nfd('thôn đồng tâm'), description: nfd('Giúp bà cụ qua đường gần chợ khi trời mưa') }, known);
    expect(byPlace.map((f) => [f.deed.id, f.reason])).toEqual([[1, 'place']]);
  });

  it('same place but different words is not similar; similar words at another place neither', () => {
    expect(findSimilar({ doerName: 'Ai đó', place: 'Thôn Đồng Tâm', description: 'Sửa mái nhà cho gia đình chính sách' }, known)).toEqual([]);
    expect(findSimilar({ doerName: 'Ai đó', place: 'Làng Bi', description: 'Giúp cụ bà qua đường ở ngã ba chợ lúc trời mưa to' }, known)).toEqual([]);
  });

  it('unnamed doers ("một người", "không rõ") never match by doer alone', () => {
    const k = [{ ...known[0]!, doerName: 'Một người' }];
    expect(findSimilar({ doerName: 'một người', place: 'Làng Bi', description: 'Nhường ghế cho người già trên xe buýt' }, k)).toEqual([]);
  });

  it('ranks the same doer before a place match, and place matches by similarity', () => {
    const draft = { doerName: 'Các cháu học sinh', place: 'Thôn Đồng Tâm', description: 'Giúp cụ bà qua đường ở ngã ba chợ lúc trời mưa' };
    expect(findSimilar(draft, known).map((f) => f.deed.id)).toEqual([3, 1]);
  });

  it('Jaccard over words without stop words, and the threshold is where it says', () => {
    const a = descriptionWords('Anh ấy đã giúp cụ bà qua đường');
    expect([...a].sort()).toEqual(['duong', 'giup', 'qua']);
    expect(jaccard(a, descriptionWords('giup cu ba qua duong'))).toBe(1);
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
    expect(SIMILARITY_THRESHOLD).toBeGreaterThan(1 / 3);
  });
});
