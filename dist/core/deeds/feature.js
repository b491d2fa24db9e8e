import { mergeDialog, moderationAction, rejectDialog, showQueue } from "./moderate.js";
import { readCommands, recentPage } from "./read.js";
import { deedDialog, startDeed } from "./submit.js";
export function registerDeedDialogs(engine) {
    engine.register(deedDialog);
    engine.register(rejectDialog);
    engine.register(mergeDialog);
}
export const deedFeature = {
    commands: {
        viectot: (ctx) => startDeed(ctx),
        kiemduyet: (ctx) => showQueue(ctx),
        ...readCommands,
    },
    actions: {
        vt: moderationAction,
        vtm: recentPage,
    },
};
//# sourceMappingURL=feature.js.map