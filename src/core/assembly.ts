/**
 * How a bot core is put together besides its services: the dialogs every feature registers and
 * the features in order. One definition for the app (src/app.ts) and for tests that build a core
 * on in-memory ports (tests/helpers/memory-app.ts).
 */
import type { Ctx, Feature } from './context.ts';
import { DialogEngine, type DialogStore } from './dialog/engine.ts';
import { deedFeature, registerDeedDialogs } from './deeds/feature.ts';
import { createDocumentsFeature } from './documents/feature.ts';
import type { DocumentServices } from './documents/ports.ts';
import { criteriaFeature } from './features/criteria.ts';
import { generalFeature } from './features/general.ts';
import { createLinkFeature, type LinkRepository } from './features/link.ts';
import { milestoneDatesFeature, registerMilestoneDateDialog } from './features/milestone-dates.ts';
import { peopleFeature } from './features/people.ts';
import { remindersFeature } from './features/reminders.ts';
import type { DraftRepository } from './nominations/drafts.ts';
import { nominationFeatures, registerNominationDialogs } from './nominations/feature.ts';
import { keepRegistrationDraft } from './nominations/register.ts';
import { planUploadFeature } from './plan/upload.ts';
import { qaFeature } from './qa/feature.ts';

/**
 * The dialog engine over `store` with every feature's dialogs registered. A registration left
 * half-done (another dialog started, or expired) is kept as a draft of plan `planSlug()`.
 */
export function createDialogs(opts: { store: DialogStore; drafts: DraftRepository; planSlug: () => string }): DialogEngine<Ctx> {
  const dialogs = new DialogEngine<Ctx>(opts.store, {
    onAbandon: (personId, dialog, now) => keepRegistrationDraft(opts.drafts, { personId, planSlug: opts.planSlug(), dialog, now }),
  });
  registerNominationDialogs(dialogs);
  registerDeedDialogs(dialogs);
  registerMilestoneDateDialog(dialogs);
  return dialogs;
}

/** The bot's features, in the order commands and actions are matched. */
export function createFeatures(ports: { links: LinkRepository; documents: DocumentServices }): Feature[] {
  return [
    generalFeature,
    criteriaFeature,
    peopleFeature,
    remindersFeature,
    milestoneDatesFeature,
    ...nominationFeatures,
    deedFeature,
    qaFeature,
    createLinkFeature(ports.links),
    createDocumentsFeature(ports.documents),
    planUploadFeature,
  ];
}
