// Environment of the fault-injection suite: a database and a broker of its own, because the
// suite kills its broker and restarts PostgreSQL, and what it leaves behind is thousands of
// incidents that no other test should count.
process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = process.env.FAULTS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/accountability_faults_test';
process.env.LOCAL_KAFKA_PORT = process.env.FAULTS_KAFKA_PORT ?? '19092';
process.env.LOCAL_KAFKA_CONTROLLER_PORT = process.env.FAULTS_KAFKA_CONTROLLER_PORT ?? '19093';
process.env.LOCAL_KAFKA_DIR = '.stack/kafka/faults';
process.env.KAFKA_BROKERS = `127.0.0.1:${process.env.LOCAL_KAFKA_PORT}`;
process.env.LOG_LEVEL ??= 'warn';
