import { commendDialog, noteDialog } from "./commend.js";
import { listsFeature } from "./lists.js";
import { progressFeature } from "./progress.js";
import { registerDialog, startRegistration } from "./register.js";
import { reviewFeature, voteDialog } from "./review.js";
export function registerNominationDialogs(engine) {
    engine.register(registerDialog);
    engine.register(voteDialog);
    engine.register(commendDialog);
    engine.register(noteDialog);
}
export const nominationFeatures = [
    { commands: { dangky: (ctx) => startRegistration(ctx) } },
    reviewFeature,
    listsFeature,
    progressFeature,
];
//# sourceMappingURL=feature.js.map