/**
 * The good deeds feature, "Việc tốt quanh ta" (issue [3/5]): submitting (`/viectot`), moderation
 * (`/kiemduyet`), reading (`/viectotmoi`, `/bantin`) and their dialogs.
 */
import { deniedReply, mayUse } from '../access.ts';
import type { Ctx, Feature } from '../context.ts';
import type { DialogEngine } from '../dialog/engine.ts';
import { correctDialog } from './correct.ts';
import { mergeDialog, moderationAction, rejectDialog, showDeed, showQueue } from './moderate.ts';
import { readCommands, recentPage } from './read.ts';
import { deedDialog, startDeed } from './submit.ts';

export function registerDeedDialogs(engine: DialogEngine<Ctx>): void {
  engine.register(deedDialog);
  engine.register(rejectDialog);
  engine.register(mergeDialog);
  engine.register(correctDialog(showDeed));
}

export const deedFeature: Feature = {
  commands: {
    viectot: (ctx) => startDeed(ctx),
    kiemduyet: (ctx) => showQueue(ctx),
    ...readCommands,
  },
  actions: {
    vt: moderationAction,
    vtm: recentPage,
    kd: (ctx) => (mayUse(ctx.roles, 'moderator') ? showQueue(ctx) : Promise.resolve([deniedReply('moderator')])),
  },
};
