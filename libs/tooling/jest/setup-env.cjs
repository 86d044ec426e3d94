// Tests run quietly and against the machine's Redis unless told otherwise.
process.env.NODE_ENV = process.env.NODE_ENV || 'test';
process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'silent';
process.env.REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
