import { isUniqueViolation } from "./client.js";
export function createInboundEventLog(prisma) {
    return {
        async record(channel, eventKey) {
            try {
                await prisma.processedEvent.create({ data: { channel, eventKey } });
                return true;
            }
            catch (error) {
                if (isUniqueViolation(error))
                    return false;
                throw error;
            }
        },
        async prune(channel, before) {
            const { count } = await prisma.processedEvent.deleteMany({ where: { channel, createdAt: { lt: before } } });
            return count;
        },
    };
}
//# sourceMappingURL=inbound-log.js.map