/**
 * Việc tốt quanh ta — good deeds suggested by residents (issue [3/5]): the domain model and the
 * repository port.
 *
 * Life of a deed:
 *   NEW → PUBLISHED (verified by an officer; public in /viectotmoi and the radio bulletin)
 *       → REJECTED (with a reason the resident is told, kindly)
 *       → MERGED (a duplicate of a known deed; its text becomes an addition of that deed)
 *   NEW or PUBLISHED → PROMOTED (an officer registered a nomination from it; linked by `nominationId`)
 * A PROMOTED deed that had been published stays public (`publishedAt` is kept).
 *
 * Privacy: officers and administrators always see who sent a deed; the public sees the sender's
 * name only when the sender agreed (`creditName`). Public reads return {@link PublicDeed}, which
 * has no sender field at all, so a listing cannot leak a name by mistake.
 */
export {};
//# sourceMappingURL=model.js.map