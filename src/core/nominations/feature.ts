/**
 * The nominations feature: registration, review, lists, progress and their dialogs.
 */
import type { Ctx, Feature } from '../context.ts';
import type { DialogEngine } from '../dialog/engine.ts';
import { decideDialog, declineDialog, outcomeDialog } from '../council/decide.ts';
import { chairFeature, chairReturnDialog } from '../council/chair.ts';
import { meetingDialog, meetingFeature } from '../council/meeting.ts';
import { noteDialog, withdrawDialog } from './commend.ts';
import { listsFeature } from './lists.ts';
import { progressFeature } from './progress.ts';
import { registerDialog, startRegistration } from './register.ts';
import { reviewFeature, voteDialog } from './review.ts';

export function registerNominationDialogs(engine: DialogEngine<Ctx>): void {
  engine.register(registerDialog);
  engine.register(voteDialog);
  engine.register(decideDialog);
  engine.register(outcomeDialog);
  engine.register(declineDialog);
  engine.register(noteDialog);
  engine.register(withdrawDialog);
  engine.register(chairReturnDialog);
  engine.register(meetingDialog);
}

export const nominationFeatures: Feature[] = [
  { commands: { dangky: (ctx) => startRegistration(ctx) } },
  reviewFeature,
  chairFeature,
  meetingFeature,
  listsFeature,
  progressFeature,
];
