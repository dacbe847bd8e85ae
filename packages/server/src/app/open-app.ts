import { loadConfig, type Config } from '../config/index.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db/index.ts';
import { createPolicyService, type PolicyService } from '../modules/policy/index.ts';
import { createRegistrationService, type RegistrationService } from '../modules/registration/index.ts';
import { seedRegionsIfEmpty } from '../modules/regions/index.ts';
import { systemClock, type Clock } from './clock.ts';

/** Everything a command or the HTTP server needs: the database and the services over it. */
export interface App {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  policy: PolicyService;
  registration: RegistrationService;
  close(): Promise<void>;
}

/**
 * Opens the configured database, brings its schema up to date and loads the reference data
 * (regions, seed policy parameters) into an empty database.
 */
export async function openApp(config: Config = loadConfig(), clock: Clock = systemClock): Promise<App> {
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db);
    await seedRegionsIfEmpty(database.db);
    const policy = createPolicyService(database.db, clock);
    await policy.seedIfEmpty();
    const registration = createRegistrationService(database.db, clock, policy);
    return { config, database, clock, policy, registration, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Runs one piece of work with an open app and always closes it. */
export async function withApp<T>(work: (app: App) => Promise<T>): Promise<T> {
  const app = await openApp();
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}
