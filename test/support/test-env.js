// Environment of every integration and e2e test: the test database, the local broker, quiet logs.
process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/accountability_test';
process.env.KAFKA_BROKERS ??= '127.0.0.1:9092';
process.env.LOG_LEVEL ??= 'warn';
