/**
 * The life of a nomination (Đăng ký / đề nghị điển hình) as a state machine. Pure.
 *
 *   DRAFT --SUBMIT--> SUBMITTED --APPROVE--> APPROVED
 *                               --REJECT---> REJECTED
 *                               --RETURN---> RETURNED --RESUBMIT--> SUBMITTED …
 *
 * APPROVED and REJECTED are final: a decided nomination never changes state again (it can only be
 * annotated and, when approved, commended — neither is a transition).
 *
 * @module
 */
import { NominationError } from "./model.js";
const TRANSITIONS = {
    DRAFT: { SUBMIT: 'SUBMITTED' },
    SUBMITTED: { APPROVE: 'APPROVED', RETURN: 'RETURNED', REJECT: 'REJECTED' },
    RETURNED: { RESUBMIT: 'SUBMITTED' },
    APPROVED: {},
    REJECTED: {},
};
/**
 * The state a nomination reaches by `action`.
 * @throws NominationError('illegal-transition', 'cannot <action> a <from> nomination') when the
 *   action is not allowed from `from`.
 */
export function transition(from, action) {
    const to = TRANSITIONS[from]?.[action];
    if (to === undefined)
        throw new NominationError('illegal-transition', `cannot ${action} a ${from} nomination`);
    return to;
}
/** True for the final states APPROVED and REJECTED. */
export function isDecided(state) {
    return state === 'APPROVED' || state === 'REJECTED';
}
//# sourceMappingURL=states.js.map