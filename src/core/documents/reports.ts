/**
 * Reports drafted from the records: the achievement report of one nomination (báo cáo thành tích),
 * the Council's yearly report (plan IV.5) and progress as a workbook.
 *
 * @module
 */
import type { Producer } from './feature.ts';

/** Producers of `/vanban` beyond the dossier (by canonical sub-command). */
export const extraProducers: Record<string, Producer> = {};
