/** Thrown by repository operations that break a rule; `code` picks the user-facing message. */
export class NominationError extends Error {
    code;
    constructor(code, message) {
        super(message ?? code);
        this.code = code;
        this.name = 'NominationError';
    }
}
//# sourceMappingURL=model.js.map