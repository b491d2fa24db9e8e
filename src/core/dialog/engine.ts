/**
 * A small persisted state machine for multi-step forms (state + input → state + replies).
 *
 * The state lives in the database ({@link DialogStore}), so a restart in the middle resumes where
 * the person was. Every prompt gets "back" and "cancel" buttons; typed answers are validated by the
 * step, which answers with a clear message and asks again. A dialog untouched for its time to live
 * (24 h by default) expires: the person is told (see `expireDialogs`).
 *
 * Buttons of a step carry `d:<step>:<value>`, so a tap on a button of an earlier step is recognised
 * as stale instead of being taken as an answer to the current step.
 */
import { msg, type Attachment, type Button, type Msg, type Reply } from '../channel.ts';

/** Default time to live of an untouched dialog: 24 hours, in milliseconds. */
export const DIALOG_TTL_MS = 24 * 60 * 60 * 1000;

/** What a step receives: typed text, a tapped value of this step's buttons, or attachments. */
export interface DialogInput {
  text?: string;
  /** The `<value>` of a `d:<step>:<value>` button of the current step. */
  value?: string;
  attachments?: Attachment[];
}

/** A dialog as stored. `history` holds the steps behind the current one (for "back"). */
export interface StoredDialog {
  kind: string;
  step: string;
  data: Record<string, unknown>;
  history: string[];
  channel: string;
  chatId: string;
  expiresAt: Date;
}

/** Repository port: one open dialog per person. */
export interface DialogStore {
  get(personId: number): Promise<StoredDialog | null>;
  save(personId: number, dialog: StoredDialog): Promise<void>;
  clear(personId: number): Promise<void>;
  /** Removes and returns dialogs whose `expiresAt` ≤ now. */
  takeExpired(now: Date): Promise<(StoredDialog & { personId: number })[]>;
}

/** The result of one step. */
export type StepResult<D> =
  /**
   * Go on to `step` (the current step pushed on the history unless `replace`), optionally saying
   * something first. `unwind`: when `next` is already on the history (a return to an earlier step,
   * e.g. a summary after changing one answer), the history is cut back to where `next` was, so
   * "back" there leads where it led before.
   */
  | { next: string; data: D; say?: Reply[]; replace?: boolean; unwind?: boolean }
  /** Stay on this step: show `say` (e.g. why the answer is invalid), then the prompt again. */
  | { stay: true; data?: D; say?: Reply[]; noPrompt?: boolean }
  /** The dialog is finished: its state is removed. */
  | { done: true; say: Reply[] };

export interface DialogStep<C, D> {
  /** The question of this step; buttons should be made with {@link stepButton}. */
  prompt(ctx: C, data: D): Reply | Promise<Reply>;
  handle(ctx: C, data: D, input: DialogInput): StepResult<D> | Promise<StepResult<D>>;
  /** Steps that must not be returned to with "back" (e.g. after a confirmation). */
  noBack?: boolean;
}

export interface DialogDefinition<C, D> {
  kind: string;
  steps: Record<string, DialogStep<C, D>>;
  ttlMs?: number;
  /**
   * Whether the person may still go on with this dialog, asked before EVERY step (issue [3/9]:
   * authorization at the moment of writing, not only when the dialog opened). `ctx` carries the
   * roles read for this very message. When false the dialog is closed with a message.
   */
  allowed?: (ctx: C, data: D) => boolean | Promise<boolean>;
  /**
   * When set and it returns a question, starting another dialog while this one is open asks that
   * question first (issue 13, "no lost work") with buttons to go on with this one or leave it (the
   * abandon hook then keeps it, e.g. as a draft). `undefined`: nothing worth asking about, leave quietly.
   */
  leaveQuestion?: (data: D) => Msg | undefined;
}

/** The engine's own dialog holding "leave the open dialog?": the left dialog and the one asked for. */
export const LEAVE_DIALOG = '_leave';
const LEAVE_STEP = 'lv';
interface PendingDialog {
  kind: string;
  step: string;
  data: Record<string, unknown>;
  history: string[];
}
interface LeaveData {
  left: PendingDialog;
  next: PendingDialog;
  question: Msg;
}

/** A button answering the step `step` with `value` (keep both short: Telegram allows 64 bytes). */
export const stepButton = (step: string, label: Button['label'], value: string): Button => ({ label, action: `d:${step}:${value}` });

export const BACK_ACTION = 'd:_:back';
export const CANCEL_ACTION = 'd:_:cancel';

/** Parses a dialog action into its step and value; `undefined` when it is not a dialog action. */
export function parseDialogAction(action: string): { step: string; value: string } | undefined {
  const m = /^d:([^:]+):([\s\S]*)$/.exec(action);
  return m ? { step: m[1]!, value: m[2]! } : undefined;
}

/** Appends the back (when there is a step to go back to) and cancel buttons to a prompt. */
function withControls(reply: Reply, canGoBack: boolean): Reply {
  const controls: Button[] = [];
  if (canGoBack) controls.push({ label: msg('dialog-back'), action: BACK_ACTION });
  controls.push({ label: msg('dialog-cancel'), action: CANCEL_ACTION });
  return { ...reply, buttons: [...(reply.buttons ?? []), controls] };
}

/** "You are in the middle of …; leave it?" with "go on with it" and "leave it (kept as a draft)". */
function leavePrompt(ask: LeaveData): Reply {
  return {
    lines: [ask.question],
    buttons: [[{ label: msg('dialog-leave-keep'), action: `d:${LEAVE_STEP}:keep` }], [{ label: msg('dialog-leave-go'), action: `d:${LEAVE_STEP}:leave` }]],
  };
}

export interface DialogEngineOptions {
  /**
   * Called when an open dialog is left without being cancelled: replaced by another one, or past its
   * time to live. It may keep what was typed (e.g. a registration draft) and return a notice saying
   * so; `undefined` when nothing was kept.
   */
  onAbandon?: (personId: number, dialog: StoredDialog, now: Date) => Promise<Reply | undefined>;
}

/**
 * A definition whose data type is not known here: the engine holds every kind in one map and hands
 * each its own data back, so the data type is existential.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: one map of definitions with different data types
type AnyDialogDefinition<C> = DialogDefinition<C, any>;

/** Runs dialogs of every kind registered with it. */
export class DialogEngine<C extends { personId: number; channel: string; chatId: string; now: Date }> {
  private readonly defs = new Map<string, AnyDialogDefinition<C>>();
  constructor(
    private readonly store: DialogStore,
    private readonly options: DialogEngineOptions = {},
  ) {}

  register<D>(def: DialogDefinition<C, D>): void {
    this.defs.set(def.kind, def);
  }

  current(personId: number): Promise<StoredDialog | null> {
    return this.store.get(personId);
  }

  /**
   * Starts (or restarts) a dialog at `step` with `data`, replacing any open one. `history` lists the
   * steps "back" leads to (for a dialog opened in the middle, e.g. editing a returned nomination).
   */
  async start<D>(ctx: C, kind: string, step: string, data: D, history: string[] = []): Promise<Reply[]> {
    this.def(kind); // an unknown kind throws here, before anything is saved
    const next: PendingDialog = { kind, step, data: data as Record<string, unknown>, history };
    const open = await this.store.get(ctx.personId);
    // A dialog that asks before being left (a half-done registration): ask instead of leaving it.
    const left = open && (open.kind === LEAVE_DIALOG ? (open.data as unknown as LeaveData).left : open);
    const question = left && this.defs.get(left.kind)?.leaveQuestion?.(left.data);
    if (open && left && question) {
      const ask: LeaveData = { left: { kind: left.kind, step: left.step, data: left.data, history: left.history }, next, question };
      const dialog: StoredDialog = { ...this.fresh(ctx, this.def(left.kind), LEAVE_DIALOG, LEAVE_STEP, ask as unknown as Record<string, unknown>, []) };
      await this.store.save(ctx.personId, dialog);
      return [leavePrompt(ask)];
    }
    return this.replace(ctx, open, next);
  }

  /** Leaves `open` (the abandon hook may keep it) and opens `next` in its place. */
  private async replace(ctx: C, open: StoredDialog | null, next: PendingDialog): Promise<Reply[]> {
    const def = this.def(next.kind);
    // The dialog being replaced is left, not cancelled: what was typed may be kept.
    const kept = open ? await this.abandon(ctx.personId, open, ctx.now) : undefined;
    const dialog = this.fresh(ctx, def, next.kind, next.step, next.data, next.history);
    await this.store.save(ctx.personId, dialog);
    return [...(kept ? [kept] : []), await this.prompt(ctx, dialog)];
  }

  /** Answers the "leave the open dialog?" question: go back to it, or leave it and open the other. */
  private async handleLeave(ctx: C, dialog: StoredDialog, input: { action?: string; text?: string }): Promise<Reply[]> {
    const ask = dialog.data as unknown as LeaveData;
    const parsed = input.action === undefined ? undefined : parseDialogAction(input.action);
    // Cancel here means "do not leave": the open dialog is never thrown away by this question.
    if (input.action === CANCEL_ACTION || (parsed?.step === LEAVE_STEP && parsed.value === 'keep')) {
      const back = this.fresh(ctx, this.def(ask.left.kind), ask.left.kind, ask.left.step, ask.left.data, ask.left.history);
      await this.store.save(ctx.personId, back);
      return [await this.prompt(ctx, back)];
    }
    if (parsed?.step === LEAVE_STEP && parsed.value === 'leave') {
      const left: StoredDialog = { ...ask.left, channel: dialog.channel, chatId: dialog.chatId, expiresAt: dialog.expiresAt };
      return this.replace(ctx, left, ask.next);
    }
    return [leavePrompt(ask)];
  }

  /**
   * Lets the abandon hook keep what `dialog` holds; returns its notice, if it kept something. A
   * pending "leave?" question stands for the dialog it asked about.
   */
  async abandon(personId: number, dialog: StoredDialog, now: Date): Promise<Reply | undefined> {
    if (dialog.kind === LEAVE_DIALOG) dialog = { ...dialog, ...(dialog.data as unknown as LeaveData).left };
    return this.options.onAbandon?.(personId, dialog, now);
  }

  /**
   * Closes the person's open dialog when its {@link DialogDefinition.allowed} check fails for `ctx`
   * (e.g. right after a role was revoked); returns the closed dialog, or null when none was closed.
   */
  async closeIfNotAllowed(ctx: C): Promise<StoredDialog | null> {
    const open = await this.store.get(ctx.personId);
    if (!open || (await this.mayGoOn(ctx, open))) return null;
    await this.store.clear(ctx.personId);
    return open;
  }

  private async mayGoOn(ctx: C, dialog: StoredDialog): Promise<boolean> {
    const def = this.defs.get(dialog.kind);
    return !def?.allowed || (await def.allowed(ctx, dialog.data));
  }

  /** Shows the current step's prompt again (e.g. `/tiep`). */
  async resume(ctx: C, dialog: StoredDialog): Promise<Reply[]> {
    if (dialog.kind === LEAVE_DIALOG) return [leavePrompt(dialog.data as unknown as LeaveData)];
    if (!(await this.mayGoOn(ctx, dialog))) return this.closeForRole(ctx);
    await this.store.save(ctx.personId, { ...dialog, expiresAt: this.expiry(ctx, this.def(dialog.kind)) });
    return [await this.prompt(ctx, dialog)];
  }

  async cancel(ctx: C): Promise<boolean> {
    const open = await this.store.get(ctx.personId);
    if (!open) return false;
    await this.store.clear(ctx.personId);
    return true;
  }

  /**
   * Feeds one input to the open dialog. `action` is a raw button action (`d:…`), `text`/`attachments`
   * what was typed or sent.
   */
  async handle(ctx: C, dialog: StoredDialog, input: { action?: string; text?: string; attachments?: Attachment[] }): Promise<Reply[]> {
    if (dialog.kind === LEAVE_DIALOG) return this.handleLeave(ctx, dialog, input);
    const def = this.def(dialog.kind);
    if (input.action === CANCEL_ACTION) {
      await this.store.clear(ctx.personId);
      return [{ lines: [msg('dialog-cancelled')] }];
    }
    if (!(await this.mayGoOn(ctx, dialog))) return this.closeForRole(ctx);
    if (input.action === BACK_ACTION) {
      const history = [...dialog.history];
      const previous = history.pop();
      if (!previous) return [await this.prompt(ctx, dialog)];
      const moved = { ...dialog, step: previous, history, expiresAt: this.expiry(ctx, def) };
      await this.store.save(ctx.personId, moved);
      return [await this.prompt(ctx, moved)];
    }
    let value: string | undefined;
    if (input.action !== undefined) {
      const parsed = parseDialogAction(input.action);
      if (!parsed || parsed.step !== dialog.step) return [{ lines: [msg('dialog-stale-button')] }, await this.prompt(ctx, dialog)];
      value = parsed.value;
    }
    const step = def.steps[dialog.step];
    if (!step) {
      await this.store.clear(ctx.personId);
      return [{ lines: [msg('dialog-cancelled')] }];
    }
    const result = await step.handle(ctx, dialog.data, { text: input.text, value, attachments: input.attachments });
    if ('done' in result) {
      await this.store.clear(ctx.personId);
      return result.say;
    }
    if ('stay' in result) {
      const stayed = { ...dialog, data: (result.data ?? dialog.data) as Record<string, unknown>, expiresAt: this.expiry(ctx, def) };
      await this.store.save(ctx.personId, stayed);
      if (result.noPrompt) return result.say ?? [];
      const prompt = await this.prompt(ctx, stayed);
      // A tap that only changed this step's state (a checkbox) redraws the same message.
      if (!result.say?.length && input.action !== undefined) return [{ ...prompt, replacesTapped: true }];
      return [...(result.say ?? []), prompt];
    }
    let history = result.replace ? dialog.history : [...dialog.history, dialog.step];
    const earlier = result.unwind ? history.lastIndexOf(result.next) : -1;
    if (earlier >= 0) history = history.slice(0, earlier);
    const moved = { ...dialog, step: result.next, data: result.data as Record<string, unknown>, history, expiresAt: this.expiry(ctx, def) };
    await this.store.save(ctx.personId, moved);
    return [...(result.say ?? []), await this.prompt(ctx, moved)];
  }

  private async closeForRole(ctx: C): Promise<Reply[]> {
    await this.store.clear(ctx.personId);
    return [{ lines: [msg('dialog-closed-role')] }];
  }

  private async prompt(ctx: C, dialog: StoredDialog): Promise<Reply> {
    const def = this.def(dialog.kind);
    const step = def.steps[dialog.step]!;
    const back = dialog.history.length > 0 && !step.noBack;
    return withControls(await step.prompt(ctx, dialog.data), back);
  }

  private fresh(ctx: C, def: AnyDialogDefinition<C>, kind: string, step: string, data: Record<string, unknown>, history: string[]): StoredDialog {
    return { kind, step, data, history, channel: ctx.channel, chatId: ctx.chatId, expiresAt: this.expiry(ctx, def) };
  }

  private expiry(ctx: C, def: AnyDialogDefinition<C>): Date {
    return new Date(ctx.now.getTime() + (def.ttlMs ?? DIALOG_TTL_MS));
  }

  private def(kind: string): AnyDialogDefinition<C> {
    const def = this.defs.get(kind);
    if (!def) throw new Error(`unknown dialog kind "${kind}"`);
    return def;
  }
}
