/** The resolved QueueDriver (BullMQ or in-process). */
export const QUEUE_DRIVER = Symbol('QUEUE_DRIVER');
/** QueueModule.forRoot options. */
export const QUEUE_MODULE_OPTIONS = Symbol('QUEUE_MODULE_OPTIONS');
